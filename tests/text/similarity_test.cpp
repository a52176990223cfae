// The similarity of two texts: Dice over character bigrams of the comparable text, exactly.

#include "govreport/similarity.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "text/utf8.hpp"

using govreport::comparable_text;

namespace {

// The comparable text, as UTF-8 to be printed when a check fails.
std::string comparable(std::string_view text) {
  return govreport::detail::encode_utf8(comparable_text(text));
}

}  // namespace
using govreport::similarity;
using govreport::text_profile;

TEST_CASE("Comparable text keeps letters and digits, folded, each number one 0", "[similarity]") {
  CHECK(comparable("２０２３年，ＡＢＣ 公开！") == "0年abc公开");
  CHECK(comparable_text("全年收到申请 1,234 件（较上年增长 3.5%）。") ==
        U"全年收到申请0件较上年增长0");
  CHECK(comparable("一是　加强\t培训；\n二是…") == "一是加强培训二是");
  CHECK(comparable("①②") == "0");
  CHECK(comparable("Ａ\xff\xfe") == "a");  // bytes that are not UTF-8 are dropped
  CHECK(comparable("。，、") == "");
}

TEST_CASE("Similarity is the Dice coefficient of the bigram multisets", "[similarity]") {
  // 依申 申请 请公 公开 against 主动 动公 公开: one bigram in common of 4 + 3.
  CHECK(similarity("依申请公开", "主动公开") == 2.0 / 7.0);
  // A multiset: 公开 开公 公开 against 公开 shares one 公开.
  CHECK(similarity("公开公开", "公开") == 2.0 / 4.0);
  // ab bc cd against ab bc ce.
  CHECK(similarity("abcd", "ABCE") == 4.0 / 6.0);
  CHECK(similarity("政务公开", "政务公开") == 1.0);
  CHECK(similarity("政务公开", "信息发布") == 0.0);
  // Years, counts, spacing, width and punctuation make no difference.
  CHECK(similarity("2023年，政务公开工作取得成效。", "２０２４年  政务公开工作取得成效") == 1.0);
  CHECK(similarity("收到申请95件", "收到申请123件") == 1.0);
  // Order counts only within bigrams: the same sentences in another order are nearly the same.
  CHECK(similarity("加强培训。完善制度。", "完善制度。加强培训。") == 2.0 * 6.0 / 14.0);
  // Symmetric.
  CHECK(similarity("主动公开", "依申请公开") == similarity("依申请公开", "主动公开"));
}

TEST_CASE("Texts too short for a bigram are alike only when equal", "[similarity]") {
  CHECK(similarity("无", "无。") == 1.0);
  CHECK(similarity("无", "有") == 0.0);
  CHECK(similarity("", "") == 1.0);
  CHECK(similarity("无", "没有") == 0.0);
  CHECK(similarity("", "政务公开") == 0.0);
  CHECK(text_profile("无").chars == 1);
  CHECK(text_profile("2023年度").bigrams.size() == 2);
}
