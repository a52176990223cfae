// The command line's dealings with the system, through the real binary: standard streams that
// fail, standard input given twice, outputs that are not regular files, file modes, all-or-none
// output directories, signals, Chromium's process, one file reached twice, unreadable inputs in
// every findings format, and the checks of the command line itself.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

const std::string kFull = "govreport: 标准输出: 无法写入：磁盘空间不足\n";
const std::string kHongze = "data/examples/hongze-gov-2024.json";
// An empty file: one json-syntax finding.
const std::string kEmpty = "tests/bad/01-empty-file/input.json";

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Where the standard output of a run goes.
enum class Out { File, DevFull, Closed, BrokenPipe };

struct Launch {
  std::vector<std::string> args;
  Out out = Out::File;
  std::string input;                       // standard input
  std::map<std::string, std::string> env;  // set for the run
  mode_t umask = 022;
  bool close_stderr = false;
  std::string cwd = GOVREPORT_SOURCE_DIR;
};

struct Running {
  pid_t pid = -1;
  std::string dir;  // holds stdin, stdout, stderr
};

struct Ended {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out, err;
};

Running start(const Launch& l) {
  Running r;
  r.dir = temp_dir();
  write_file(r.dir + "/stdin", l.input);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (!l.env.contains(entry.substr(0, entry.find('=')))) env_strings.push_back(entry);
  }
  for (const auto& [k, v] : l.env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string binary = GOVREPORT_BINARY;
  std::vector<std::string> copies = l.args;
  std::vector<char*> argv = {binary.data()};
  for (std::string& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string in = r.dir + "/stdin", out = r.dir + "/stdout", err = r.dir + "/stderr";
  int pipe_fds[2] = {-1, -1};
  if (l.out == Out::BrokenPipe) REQUIRE(::pipe(pipe_fds) == 0);
  r.pid = ::fork();
  REQUIRE(r.pid >= 0);
  if (r.pid == 0) {
    if (::chdir(l.cwd.c_str()) != 0) ::_exit(127);
    ::umask(l.umask);
    ::dup2(::open(in.c_str(), O_RDONLY), 0);
    ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    switch (l.out) {
      case Out::File:
        ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
        break;
      case Out::DevFull:
        ::dup2(::open("/dev/full", O_WRONLY), 1);
        break;
      case Out::Closed:
        ::close(1);
        break;
      case Out::BrokenPipe:  // `| head -1` after head has gone, with SIGPIPE ignored
        ::dup2(pipe_fds[1], 1);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::signal(SIGPIPE, SIG_IGN);
        break;
    }
    if (l.close_stderr) ::close(2);
    ::execve(binary.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  if (l.out == Out::BrokenPipe) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
  }
  return r;
}

Ended finish(const Running& r) {
  int status = 0;
  for (int waited = 0; ::waitpid(r.pid, &status, WNOHANG) == 0; waited += 10) {
    if (waited > 120'000) {
      ::kill(r.pid, SIGKILL);
      ::waitpid(r.pid, &status, 0);
      FAIL("govreport did not end within two minutes");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Ended e;
  if (WIFEXITED(status)) e.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) e.signal = WTERMSIG(status);
  if (fs::exists(r.dir + "/stdout")) e.out = read_file(r.dir + "/stdout");
  e.err = read_file(r.dir + "/stderr");
  fs::remove_all(r.dir);
  return e;
}

Ended run(const Launch& l) { return finish(start(l)); }

// Waits up to ten seconds for `done`; returns whether it came true.
template <class F>
bool eventually(F done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// The state letter of a process in /proc (R, S, T, Z …), or 0 if it is gone.
char process_state(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return 0;
  const std::size_t close = line.rfind(')');
  return close == std::string::npos || close + 2 >= line.size() ? 0 : line[close + 2];
}

// A stand-in for Chromium: makes a temporary directory of its own, as Chromium does, notes its
// process id and waits, as a browser printing a long page.
std::string fake_chromium(const std::string& dir) {
  const std::string path = dir + "/chromium";
  write_file(path,
             "#!/bin/sh\nmkdir \"$TMPDIR/org.chromium.Chromium.test\" || exit 1\n"
             "echo $$ > \"$FAKE_CHROMIUM_PID\"\nexec sleep 300\n");
  fs::permissions(path, fs::perms::owner_all);
  return path;
}

}  // namespace

// --- standard input ---------------------------------------------------------------------------

TEST_CASE("build - FILE --out-dir reads standard input once and builds both", "[cli][stdin]") {
  const std::string dir = temp_dir();
  const Ended r = run({.args = {"build", "-", "data/2020.json", "--out-dir", dir, "--quiet"},
                       .input = project_file("data/2020.json")});
  CHECK(r.signal == 0);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(files_in(dir) == std::vector<std::string>{"2020.txt", "stdin.txt"});
  CHECK(read_file(dir + "/stdin.txt") == project_file("tests/golden/ningxia-2020/expected.txt"));
  CHECK(read_file(dir + "/2020.txt") == project_file("tests/golden/ningxia-2020/expected.txt"));
  fs::remove_all(dir);
}

TEST_CASE("Standard input given twice is refused by every command that reads data",
          "[cli][stdin]") {
  const std::string out = temp_dir() + "/out";  // never made
  const std::string zh = "govreport: '-'（标准输入）给了不止一次：标准输入只能读取一次\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", "-", "-"},
        {"diff", "-", "-"},
        {"build", "-", "-", "--out-dir", out},
        {"sum", "-", "-"},
        {"sum", "-", "--check", "-"},
        {"import", "-", "-", "--from", "text", "--out-dir", out}}) {
    INFO(args[0] << " " << args[1] << " " << args[2]);
    const Ended r = run({.args = args, .input = project_file("data/2020.json")});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == zh);
  }
  const Ended en = run({.args = {"--lang", "en", "check", "-", "-"}});
  CHECK(en.exit_code == 2);
  CHECK(en.err ==
        "govreport: '-' (standard input) is given more than once; it can be read only once\n");
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(fs::path(out).parent_path());
}

// --- standard output --------------------------------------------------------------------------

TEST_CASE("Every command exits 2 naming standard output when it is full", "[cli][stdout]") {
  for (const std::vector<std::string>& args : {
           std::vector<std::string>{"schema"},
           {"init", "--year", "2024"},
           {"diff", "data/2020.json", "data/2020.json"},
           {"sum", "data/2020.json"},
           {"check", "data/2020.json", "--format", "sarif"},
           {"check", "data/2020.json", "--format", "json"},
           {"check", "data/examples/hongze-gov-2024.json"},
           {"rules"},
           {"build", "data/2020.json"},
           {"build", "data/2020.json", "-o", "-", "-f", "json"},
           {"build", "data/2020.json", "-o", "/dev/stdout", "-f", "markdown"},
           {"--help"},
       }) {
    INFO(args[0]);
    const Ended r = run({.args = args, .out = Out::DevFull});
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 2);
    CHECK(r.err == kFull);
  }
  // import prints its findings and summary on standard error first.
  const Ended r = run({.args = {"import", "tests/fixtures/import/variants-2021.txt", "--quiet"},
                       .out = Out::DevFull});
  CHECK(r.signal == 0);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::EndsWith(kFull));
}

TEST_CASE("A closed standard output or a pipe without reader is an error, not lost output",
          "[cli][stdout]") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"rules"},
                                               {"schema"},
                                               {"build", "data/2020.json"},
                                               {"check", "data/2020.json", "--format", "json"}}) {
    INFO(args[0]);
    const Ended closed = run({.args = args, .out = Out::Closed});
    CHECK(closed.exit_code == 2);
    CHECK(closed.err == "govreport: 标准输出: 无法写入：未打开（已关闭）\n");
    const Ended broken = run({.args = args, .out = Out::BrokenPipe});
    CHECK(broken.signal == 0);
    CHECK(broken.exit_code == 2);
    CHECK(broken.err == "govreport: 标准输出: 无法写入：管道的读取端已关闭\n");
  }
  std::vector<std::string> en = {"--lang", "en", "rules"};
  CHECK(run({.args = en, .out = Out::Closed}).err ==
        "govreport: standard output: cannot write: not open (closed)\n");
  CHECK(run({.args = en, .out = Out::BrokenPipe}).err ==
        "govreport: standard output: cannot write: broken pipe (the reader has gone)\n");
  CHECK(run({.args = en, .out = Out::DevFull}).err ==
        "govreport: standard output: cannot write: no space left on device\n");
}

TEST_CASE("A closed standard error drops the messages but changes nothing else", "[cli][stdout]") {
  const Ended clean =
      run({.args = {"check", "data/2020.json", "--format", "json"}, .close_stderr = true});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out ==
        "{\"findings\": [],\n\"summary\": "
        "{\"files\":1,\"errors\":0,\"warnings\":0,\"files_with_errors\":0,"
        "\"files_with_warnings\":0,\"rules\":[]}}\n");
  const Ended warned = run({.args = {"check", kHongze}, .close_stderr = true});
  CHECK(warned.exit_code == 0);
  CHECK(warned.out.starts_with(kHongze + ":24:119: 警告: "));
}

TEST_CASE("A closed standard output never sends the report into a file opened later",
          "[cli][stdout]") {
  const std::string dir = temp_dir();
  const Ended r =
      run({.args = {"build", "data/2020.json", "-o", dir + "/report.md"}, .out = Out::Closed});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "已写入 " + dir + "/report.md\n");
  CHECK(read_file(dir + "/report.md").starts_with("# "));
  fs::remove_all(dir);
}

// --- outputs ----------------------------------------------------------------------------------

TEST_CASE("build -o onto a FIFO without reader exits 2 at once instead of blocking",
          "[cli][output]") {
  const std::string dir = temp_dir();
  REQUIRE(::mkfifo((dir + "/pipe.txt").c_str(), 0644) == 0);
  const Ended r = run({.args = {"build", "data/2020.json", "-o", dir + "/pipe.txt"}});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "govreport: " + dir + "/pipe.txt: 不是普通文件，不能写入（写到标准输出请用 -o -）\n");
  fs::remove_all(dir);
}

TEST_CASE("build -o /dev/stdout writes to standard output, whatever it is", "[cli][output]") {
  const auto r = run_govreport({"build", "data/2020.json", "-o", "/dev/stdout", "-f", "text"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == project_file("tests/golden/ningxia-2020/expected.txt"));
  CHECK(r.err == "已写入 /dev/stdout\n");
}

TEST_CASE("A new output's mode follows the umask; a replaced file keeps its mode",
          "[cli][output]") {
  const std::string dir = temp_dir();
  const Ended fresh =
      run({.args = {"build", "data/2020.json", "-o", dir + "/new.md"}, .umask = 027});
  CHECK(fresh.exit_code == 0);
  CHECK((fs::status(dir + "/new.md").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  write_file(dir + "/old.md", "old");
  fs::permissions(dir + "/old.md", fs::perms::owner_read | fs::perms::owner_write);
  const Ended replaced = run({.args = {"build", "data/2020.json", "-o", dir + "/old.md"}});
  CHECK(replaced.exit_code == 0);
  CHECK(read_file(dir + "/old.md").starts_with("# "));
  CHECK((fs::status(dir + "/old.md").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  const Ended schema = run({.args = {"schema", "-o", dir + "/s.json"}, .umask = 077});
  CHECK(schema.exit_code == 0);
  CHECK((fs::status(dir + "/s.json").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}

TEST_CASE("import --out-dir writes every data file or none", "[cli][output]") {
  const std::string dir = temp_dir();
  fs::create_directories(dir + "/out/variants-2021.json");  // the second output cannot be written
  const Ended r = run(
      {.args = {"import", "tests/fixtures/import/layout-blanks-2023.txt",
                "tests/fixtures/import/variants-2021.txt", "--out-dir", dir + "/out", "--quiet"}});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Matchers::EndsWith("govreport: " + dir +
                                              "/out/variants-2021.json: 是目录，不能写入\n"));
  CHECK(files_in(dir + "/out") == std::vector<std::string>{"variants-2021.json"});
  fs::remove_all(dir);
}

// --- temporary files, signals and Chromium ----------------------------------------------------

TEST_CASE("build -o x.pdf with TMPDIR missing or a file exits 2 and names TMPDIR", "[cli][pdf]") {
  const std::string dir = temp_dir();
  write_file(dir + "/file", "");
  // Any executable stands in for Chromium: the temporary directory comes first.
  const std::map<std::string, std::string> missing = {{"TMPDIR", dir + "/missing"},
                                                      {"GOVREPORT_CHROMIUM", "/bin/true"}};
  const Ended r = run({.args = {"build", "data/2020.json", "-o", dir + "/x.pdf"}, .env = missing});
  CHECK(r.signal == 0);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "govreport: " + dir +
            "/missing: 无法在环境变量 TMPDIR 指定的目录中创建临时目录：文件或目录不存在\n");
  const std::map<std::string, std::string> file = {{"TMPDIR", dir + "/file"},
                                                   {"GOVREPORT_CHROMIUM", "/bin/true"}};
  const Ended en =
      run({.args = {"--lang", "en", "build", "data/2020.json", "-o", dir + "/x.pdf"}, .env = file});
  CHECK(en.signal == 0);
  CHECK(en.exit_code == 2);
  CHECK(en.err == "govreport: " + dir +
                      "/file: cannot make a temporary directory in TMPDIR: a part of the path is "
                      "not a directory\n");
  CHECK(files_in(dir) == std::vector<std::string>{"file"});
  fs::remove_all(dir);
}

TEST_CASE("SIGTERM while an output is being written leaves no temporary file", "[cli][signal]") {
  // A report with a 16 MB paragraph takes a while to write; the run is stopped as soon as its
  // temporary file appears, and terminated while it is there.
  const std::string dir = temp_dir();
  write_file(dir + "/big.json",
             replace_once(project_file("data/2020.json"), "\"preamble\": [",
                          "\"preamble\": [\"" + std::string(16'000'000, 'x') + "\", "));
  fs::create_directories(dir + "/out");
  bool interrupted = false;
  for (int attempt = 0; attempt < 5 && !interrupted; ++attempt) {
    const int watch = ::inotify_init1(IN_CLOEXEC);
    REQUIRE(watch >= 0);
    REQUIRE(::inotify_add_watch(watch, (dir + "/out").c_str(), IN_CREATE) >= 0);
    const Running running =
        start({.args = {"build", dir + "/big.json", "-f", "json", "-o", dir + "/out/big.json"}});
    // Waits for the temporary file to be created (or for the run to end without one).
    pollfd ready{watch, POLLIN, 0};
    while (::poll(&ready, 1, 100) == 0 && process_state(running.pid) != 'Z') {
    }
    REQUIRE(ready.revents == POLLIN);
    ::kill(running.pid, SIGSTOP);
    REQUIRE(eventually([&] { return process_state(running.pid) == 'T'; }));
    ::close(watch);
    std::vector<std::string> during = files_in(dir + "/out");
    interrupted = during.size() == 1 && during[0].starts_with(".big.json.tmp.");
    UNSCOPED_INFO("attempt " << attempt << ": " << (during.empty() ? "" : during[0]));
    ::kill(running.pid, SIGTERM);
    ::kill(running.pid, SIGCONT);
    const Ended r = finish(running);
    if (!interrupted) continue;  // it had already finished writing: try again
    // Either the rename came first and the output is whole, or there is nothing. The run dies of
    // the signal, unless its last write and exit came before the signal was handled: then the
    // output is whole and the exit is a success.
    const std::vector<std::string> after = files_in(dir + "/out");
    CHECK((after.empty() || after == std::vector<std::string>{"big.json"}));
    if (!after.empty()) CHECK(fs::file_size(dir + "/out/big.json") > 16'000'000);
    if (r.signal != SIGTERM) {
      CHECK(r.signal == 0);
      CHECK(r.exit_code == 0);
      CHECK(after == std::vector<std::string>{"big.json"});
    }
  }
  CHECK(interrupted);
  fs::remove_all(dir);
}

TEST_CASE("SIGTERM during a PDF build kills Chromium and removes its temporary directory",
          "[cli][signal][pdf]") {
  // Orphans come to this process, so that it sees how the stand-in for Chromium ended.
  REQUIRE(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    INFO("signal " << sig);
    const std::string dir = temp_dir();
    fs::create_directories(dir + "/tmp");
    const Running running = start({.args = {"build", "data/2020.json", "-o", dir + "/x.pdf"},
                                   .env = {{"TMPDIR", dir + "/tmp"},
                                           {"GOVREPORT_CHROMIUM", fake_chromium(dir)},
                                           {"FAKE_CHROMIUM_PID", dir + "/pid"}}});
    REQUIRE(eventually(
        [&] { return fs::exists(dir + "/pid") && read_file(dir + "/pid").ends_with("\n"); }));
    const pid_t chromium = std::stoi(read_file(dir + "/pid"));
    CHECK(files_in(dir + "/tmp").size() == 1);  // govreport-pdf-XXXXXX
    ::kill(running.pid, sig);
    const Ended r = finish(running);
    CHECK(r.signal == sig);
    // Gone: reaped by govreport, or by this process once orphaned.
    const bool gone = eventually([&] {
      return ::waitpid(chromium, nullptr, WNOHANG) == chromium ||
             (::kill(chromium, 0) != 0 && errno == ESRCH);
    });
    CHECK(gone);
    if (!gone) ::kill(chromium, SIGKILL);
    CHECK(files_in(dir + "/tmp").empty());
    CHECK_FALSE(fs::exists(dir + "/x.pdf"));
    fs::remove_all(dir);
  }
}

TEST_CASE("Chromium dies with govreport, even when govreport is killed outright",
          "[cli][signal][pdf]") {
  REQUIRE(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  const std::string dir = temp_dir();
  const Running running = start({.args = {"build", "data/2020.json", "-o", dir + "/x.pdf"},
                                 .env = {{"TMPDIR", dir},
                                         {"GOVREPORT_CHROMIUM", fake_chromium(dir)},
                                         {"FAKE_CHROMIUM_PID", dir + "/pid"}}});
  REQUIRE(eventually(
      [&] { return fs::exists(dir + "/pid") && read_file(dir + "/pid").ends_with("\n"); }));
  const pid_t chromium = std::stoi(read_file(dir + "/pid"));
  ::kill(running.pid, SIGKILL);
  CHECK(finish(running).signal == SIGKILL);
  int status = 0;
  const bool reaped = eventually([&] { return ::waitpid(chromium, &status, WNOHANG) == chromium; });
  CHECK(reaped);
  if (!reaped) ::kill(chromium, SIGKILL);
  CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  fs::remove_all(dir);
}

// --- one file reached twice -------------------------------------------------------------------

TEST_CASE("A file reached twice, by another spelling or a symbolic link, counts once",
          "[cli][same-file]") {
  const std::string dir = govreport::test::two_years(temp_dir());
  fs::create_symlink("2025.json", dir + "/copy-2025.json");
  const Ended r = run({.args = {"check", "."}, .cwd = dir});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "注意：./copy-2025.json 与 ./2025.json 是同一个文件，只读取一次\n"
        "检查了 2 个文件：2 个错误，3 个警告（1 个文件有错误，2 个文件有警告）\n"
        "  规则              级别          个数    文件数\n"
        "  narrative-number  警告             2         2\n"
        "  carry-over        错误             2         1\n"
        "  copied-narrative  警告             1         1\n"
        "比较了 1 对相邻年度的报告：\n"
        "  ./2024.json → ./2025.json（淮安市洪泽区人民政府）\n");
  CHECK(r.out.find("./2025.json:57:40: 错误: 三·二、上年结转政府信息公开申请数量·自然人 填报 1") !=
        std::string::npos);
  const Ended twice =
      run({.args = {"--lang", "en", "check", "2025.json", "2025.json"}, .cwd = dir});
  CHECK(twice.err ==
        "note: 2025.json is given twice; read once\n"
        "checked 1 file: 0 errors, 1 warning\n");
  fs::remove_all(dir);
}

TEST_CASE("sum counts a member given twice once, and never the summary it checks",
          "[cli][same-file]") {
  const std::string dir = temp_dir();
  fs::create_directories(dir + "/region");
  write_file(dir + "/region/a.json", project_file("data/2020.json"));
  write_file(dir + "/region/b.json", project_file("data/2020.json"));
  const Ended once = run({.args = {"sum", "region/"}, .cwd = dir});
  REQUIRE(once.exit_code == 0);
  const Ended twice = run({.args = {"sum", "region/", "region/a.json"}, .cwd = dir});
  CHECK(twice.exit_code == 0);
  CHECK(twice.out == once.out);
  CHECK(twice.err == "注意：region/a.json 给了两次，只读取一次\n");
  write_file(dir + "/region/sum.json", once.out);
  const Ended check = run({.args = {"sum", "--check", "./region/sum.json", "region/"}, .cwd = dir});
  CHECK(check.exit_code == 0);
  CHECK(check.out == "");
  CHECK(check.err == "./region/sum.json 与 2 个成员报告之和：0 处不一致\n");
  fs::remove_all(dir);
}

// --- unreadable inputs in every format --------------------------------------------------------

TEST_CASE("An unreadable input is reported in every findings format, and the rest are checked",
          "[cli][unreadable]") {
  const std::string missing = "govreport: no-such.json: 无法打开：文件或目录不存在\n";
  const Ended json =
      run({.args = {"check", "no-such.json", "/dev/null", kEmpty, "--format", "json"}});
  CHECK(json.exit_code == 2);
  CHECK(json.err == missing +
                        "govreport: /dev/null: 不是普通文件\n"
                        "检查了 3 个文件：1 个错误，0 个警告，2 个无法读取（1 个文件有错误，0 "
                        "个文件有警告）\n"
                        "  规则         级别          个数    文件数\n"
                        "  json-syntax  错误             1         1\n");
  const nlohmann::json j = nlohmann::json::parse(json.out);
  CHECK(j["unreadable"] == nlohmann::json::parse(R"([
    {"file": "no-such.json", "message": "no-such.json: 无法打开：文件或目录不存在"},
    {"file": "/dev/null", "message": "/dev/null: 不是普通文件"}])"));
  CHECK(j["summary"] == nlohmann::json::parse(R"({"files": 3, "errors": 1, "warnings": 0,
    "files_with_errors": 1, "files_with_warnings": 0, "unreadable": 2,
    "rules": [{"rule": "json-syntax", "severity": "error", "findings": 1, "files": 1}]})"));
  CHECK(j["findings"].size() == 1);

  const Ended sarif = run({.args = {"check", "no-such.json", kEmpty, "--format", "sarif"}});
  CHECK(sarif.exit_code == 2);
  const nlohmann::json s = nlohmann::json::parse(sarif.out);
  CHECK(s["runs"][0]["results"].size() == 1);
  CHECK(s["runs"][0]["invocations"] == nlohmann::json::parse(R"([{
    "executionSuccessful": false,
    "toolExecutionNotifications": [{
      "level": "error",
      "message": {"text": "no-such.json: 无法打开：文件或目录不存在"},
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "no-such.json"}}}]}]}])"));

  const Ended github = run({.args = {"check", "no-such.json", "--format", "github"}});
  CHECK(github.exit_code == 2);
  CHECK(github.out ==
        "::error file=no-such.json,title=unreadable::no-such.json: 无法打开：文件或目录不存在\n");
}

// --- the command line -------------------------------------------------------------------------

TEST_CASE("A mistyped command after the global options is suggested", "[cli][args]") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--lang=en", "chek"},
                                               {"--lang", "en", "chek"},
                                               {"-q", "--lang=en", "chek"},
                                               {"--quiet", "--lang", "en", "chek"}}) {
    INFO(args[0]);
    const Ended r = run({.args = args});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "govreport: unknown command 'chek'; did you mean 'check'?\n");
  }
  const Ended zh = run({.args = {"-q", "chek"}});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "govreport: 未知命令 'chek'，是不是 'check'？\n");
  const Ended flag = run({.args = {"-q", "--bogus", "check"}});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err == "govreport: 未知选项 '--bogus'；运行 govreport --help 查看用法\n");
}

TEST_CASE("An empty file or directory name is refused as empty, not as missing", "[cli][args]") {
  const Ended dir = run({.args = {"build", "data/2020.json", kHongze, "--out-dir", ""}});
  CHECK(dir.exit_code == 2);
  CHECK(dir.err == "govreport: --out-dir: 目录名为空\n运行 govreport --help 查看用法。\n");
  const Ended en = run({.args = {"--lang", "en", "import", "a.pdf", "b.pdf", "--out-dir", ""}});
  CHECK(en.exit_code == 2);
  CHECK(en.err ==
        "govreport: --out-dir: the directory name is empty\nRun 'govreport --help' for usage.\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"build", "data/2020.json", "-o", ""},
        {"sum", "data/2020.json", "-o", ""},
        {"sum", "data/2020.json", "--check", ""},
        {"init", "--year", "2024", "-o", ""},
        {"schema", "-o", ""}}) {
    INFO(args[0]);
    const Ended r = run({.args = args});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK_THAT(r.err, Catch::Matchers::StartsWith("govreport: --"));
    CHECK_THAT(r.err,
               Catch::Matchers::Contains(": 文件名为空\n运行 govreport --help 查看用法。\n"));
  }
}

TEST_CASE("check of a directory without data files exits 2 and says so", "[cli][args]") {
  const std::string dir = temp_dir();
  write_file(dir + "/notes.txt", "not data");
  const Ended r = run({.args = {"--lang", "en", "check", dir}});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: " + dir +
                     ": no data files (*.json) in this directory\n"
                     "checked 1 file: 0 errors, 0 warnings, 1 unreadable\n");
  fs::remove_all(dir);
}

TEST_CASE("build --out-dir leaves no new directory behind when nothing could be written",
          "[cli][output]") {
  const std::string dir = temp_dir();
  const Ended r = run({.args = {"build", "data/2020.json", kHongze, "-f", "pdf", "--out-dir",
                                dir + "/new/pdf", "-j", "1"},
                       .env = {{"GOVREPORT_CHROMIUM", "/bin/false"}, {"TMPDIR", dir}}});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err,
             Catch::Matchers::EndsWith("govreport: /bin/false: 没有生成 PDF（退出状态 1）\n"));
  CHECK(files_in(dir).empty());  // neither the directory nor its parent made on the way
  fs::remove_all(dir);
}
