// The JSON Schema export, on the core API.

#include "govreport/schema.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

TEST_CASE("the JSON Schema names every cell with its label and requires what the loader requires",
          "[schema]") {
  const std::string schema = govreport::json_schema(*govreport::edition_by_id("2021"));
  CHECK(schema.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") !=
        std::string::npos);
  CHECK(schema.find("\"title\": \"本年收费金额（单位：万元）\"") != std::string::npos);
  CHECK(
      schema.find(
          "\"description\": "
          "\"三（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请·自然人\"") !=
      std::string::npos);
  CHECK(schema.find("\"const\": \"2021\"") != std::string::npos);
  CHECK(govreport::schema_file_name(*govreport::edition_by_id("2019")) ==
        "govreport-2019.schema.json");
}

TEST_CASE("the JSON Schema refuses what the loader refuses: long years, blank agencies",
          "[schema]") {
  const auto schema =
      nlohmann::json::parse(govreport::json_schema(*govreport::edition_by_id("2021")));
  CHECK(schema["properties"]["year"]["maximum"] == 9999);
  CHECK(schema["properties"]["agency"]["pattern"] == "\\S");
  const auto amount = schema.dump();
  // "2154.97000000" is exact: zeros after the sixth place are allowed, other digits are not.
  CHECK(amount.find(R"("pattern":"^[0-9]+(\\.[0-9]{1,6}0*)?$")") != std::string::npos);
}
