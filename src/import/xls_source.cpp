// .xls workbooks (BIFF, Excel 97–2003) through freexl, which reads only from a file: the bytes
// are handed to it as an anonymous memory file.

#include <fcntl.h>
#include <fmt/format.h>
#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "import/workbook.hpp"

namespace govreport::importer {
namespace {

// Cells beyond this count are not read.
constexpr std::size_t kMaxCells = 4'000'000;

// Holds bytes in a file that can be opened by name: a memory file, or where /proc is not
// mounted a temporary file removed when done.
class BytesFile {
 public:
  explicit BytesFile(std::string_view bytes) {
    fd_ = ::memfd_create("govreport.xls", MFD_CLOEXEC);
    if (fd_ >= 0) {
      path_ = "/proc/self/fd/" + std::to_string(fd_);
      if (::access(path_.c_str(), R_OK) != 0) {
        ::close(fd_);
        fd_ = -1;
      }
    }
    if (fd_ < 0) {
      std::error_code ec;
      path_ = (std::filesystem::temp_directory_path(ec) / "govreport-xls-XXXXXX").string();
      fd_ = ::mkstemp(path_.data());
      temporary_ = fd_ >= 0;
    }
    for (std::size_t done = 0; fd_ >= 0 && done < bytes.size();) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok_ = false;
        break;
      }
      done += static_cast<std::size_t>(n);
    }
    ok_ = ok_ && fd_ >= 0;
  }
  ~BytesFile() {
    if (fd_ >= 0) ::close(fd_);
    if (temporary_) ::unlink(path_.c_str());
  }
  BytesFile(const BytesFile&) = delete;
  BytesFile& operator=(const BytesFile&) = delete;

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
  bool temporary_ = false;
  bool ok_ = true;
};

std::string number_text(double v) {
  // The shortest text that reads back as the same double, as spreadsheets write numbers.
  for (int precision = 1; precision <= 17; ++precision) {
    const std::string text = fmt::format("{:.{}g}", v, precision);
    if (std::strtod(text.c_str(), nullptr) == v) return text;
  }
  return fmt::format("{:.17g}", v);
}

}  // namespace

Workbook read_xls(std::string_view bytes, std::optional<Unreadable>& failure) {
  Workbook book;
  book.formula_results = false;
  const BytesFile file(bytes);
  const void* handle = nullptr;
  const std::string convert =
      "用 Excel、WPS 或 LibreOffice 另存为 .xlsx（或 soffice --headless --convert-to xlsx "
      "文件名.xls）"
      "后再读取";
  const std::string convert_en =
      "save it as .xlsx in Excel, WPS or LibreOffice (or soffice --headless --convert-to xlsx "
      "FILE.xls) and read that";
  if (!file.ok() || freexl_open(file.path().c_str(), &handle) != FREEXL_OK) {
    if (handle != nullptr) freexl_close(handle);
    failure = Unreadable{
        Message{fmt::format("无法作为 Excel 97–2003 工作簿（.xls）读取；{}", convert),
                fmt::format("cannot be read as an Excel 97–2003 workbook (.xls); {}", convert_en)}};
    return book;
  }
  unsigned int info = 0;
  if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    freexl_close(handle);
    failure = Unreadable{Message{"工作簿设有打开密码（已加密），无法读取；请去掉密码后再读取",
                                 "the workbook is encrypted (password to open); remove the password"}};
    return book;
  }
  if (freexl_get_info(handle, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK)
    book.date1904 = info == FREEXL_BIFF_DATEMODE_1904;
  unsigned int count = 0;
  freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &count);
  std::size_t cells = 0;
  for (unsigned int s = 0; s < count && s < 0xFFFF; ++s) {
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, static_cast<unsigned short>(s), &name) == FREEXL_OK &&
        name != nullptr)
      sheet.name = name;
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle, static_cast<unsigned short>(s)) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) {
      book.sheets.push_back(std::move(sheet));
      continue;
    }
    for (unsigned int r = 0; r < rows; ++r) {
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue value;
        if (freexl_get_cell_value(handle, r, c, &value) != FREEXL_OK) continue;
        SheetCell cell;
        switch (value.type) {
          case FREEXL_CELL_INT:
            cell.type = SheetCell::Type::Number;
            cell.value = std::to_string(value.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            cell.type = SheetCell::Type::Number;
            cell.value = number_text(value.value.double_value);
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            cell.type = SheetCell::Type::Text;
            cell.value = value.value.text_value != nullptr ? value.value.text_value : "";
            if (cell.value.empty()) cell.type = SheetCell::Type::Blank;
            break;
          default:
            break;
        }
        if (cell.empty()) continue;
        if (++cells > kMaxCells) {
          freexl_close(handle);
          failure = Unreadable{Message{"工作簿的单元格过多，未读取", "the workbook has too many cells"}};
          return book;
        }
        const int row = static_cast<int>(r), column = static_cast<int>(c);
        sheet.rows = std::max(sheet.rows, row + 1);
        sheet.columns = std::max(sheet.columns, column + 1);
        sheet.cells[{row, column}] = std::move(cell);
      }
    }
    book.sheets.push_back(std::move(sheet));
  }
  freexl_close(handle);
  if (book.sheets.empty()) {
    failure = Unreadable{Message{"工作簿中没有工作表", "the workbook has no sheets"}};
    return book;
  }
  book.description = fmt::format("workbook (xls, {} sheets)", book.sheets.size());
  return book;
}

}  // namespace govreport::importer
