#include "cli/output_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#define WIN32_LEAN_AND_MEAN
#include <io.h>
#include <windows.h>
#endif

namespace iku::cli {

namespace fs = std::filesystem;

namespace {

std::string os_error() { return std::strerror(errno); }

}  // namespace

atomic_output::~atomic_output() { fail(""); }

std::optional<std::string> atomic_output::fail(std::string why) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
  return why;
}

std::optional<std::string> atomic_output::open(const std::string& path, const std::vector<std::string>& inputs) {
  // Replacing a folder, a device (/dev/full) or a pipe by a rename would be wrong, not a report.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) {
    if (S_ISDIR(existing.st_mode)) return "is a directory";
    if (!S_ISREG(existing.st_mode)) return "is not a regular file";
    for (const std::string& input : inputs) {
      std::error_code ignored;  // a name that is no file (a built-in module) is not this one
      if (fs::equivalent(path, input, ignored))
        return fmt::format("it is read by this command ({}), and writing would replace it: write the output to "
                           "another file",
                           input);
    }
  }
  const fs::path target(path);
  if (target.filename().empty()) return "names a folder, not a file";
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temporary = (folder / ("." + target.filename().string() + ".iku-XXXXXX")).string();
  fd_ = ::mkstemp(temporary.data());
  if (fd_ < 0) {
    // "No such file or directory" of a file about to be made means its folder: say which.
    std::error_code ec;
    if (errno == ENOENT && !fs::is_directory(folder, ec)) {
#ifdef _WIN32
      const char* make_folder = "mkdir";  // makes the folders above it too
#else
      const char* make_folder = "mkdir -p";
#endif
      return fmt::format("the folder {} does not exist: create it first ({} {}), or write elsewhere", folder.string(),
                         make_folder, folder.string());
    }
    return os_error();
  }
  path_ = path;
  temporary_ = std::move(temporary);
#ifdef _WIN32
  ::_setmode(fd_, _O_BINARY);  // the bytes as given: no "\r" added before "\n"
#else
  // mkstemp makes the file private (0600); a report is as readable as any file the user creates.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd_, 0666 & ~mask) != 0) return fail(os_error());
#endif
  return std::nullopt;
}

std::optional<std::string> atomic_output::write(std::string_view piece) {
  if (fd_ < 0) return "the file is not open";
  for (std::size_t done = 0; done < piece.size();) {
    ssize_t n = ::write(fd_, piece.data() + done, piece.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(n < 0 ? os_error() : "nothing could be written");
    done += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

std::optional<std::string> atomic_output::commit() {
  if (fd_ < 0) return "the file is not open";
  // On disk before the rename makes it the file: a crash leaves the old file or the whole new one.
#ifdef _WIN32
  if (::_commit(fd_) != 0) return fail(os_error());
#else
  if (::fsync(fd_) != 0) return fail(os_error());
#endif
  int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) return fail(os_error());
#ifdef _WIN32
  // rename() on Windows refuses an existing target; this replaces it, as rename() does elsewhere.
  if (!MoveFileExA(temporary_.c_str(), path_.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    return fail("cannot replace the file (Windows error " + std::to_string(GetLastError()) + ")");
#else
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) return fail(os_error());
#endif
  temporary_.clear();
  return std::nullopt;
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view content,
                                            const std::vector<std::string>& inputs) {
  atomic_output file;
  if (std::optional<std::string> why = file.open(path, inputs)) return why;
  if (std::optional<std::string> why = file.write(content)) return why;
  return file.commit();
}

}  // namespace iku::cli
