# The dependencies of the Windows cross-build (cmake/mingw-w64.cmake), as the targets the native
# build gets from find_package and pkg-config:
# - PEGTL, Boost.Multiprecision, CLI11, nlohmann-json and fmt are headers (fmt in its header-only
#   mode): Debian's, from /usr/include. That folder is not put on the include path whole (glibc's
#   headers would shadow mingw's): a folder of links to these five libraries is.
# - nettle (SHA-256 of the stamp) has no mingw build in Debian: report/sha256.cpp uses the Windows
#   CNG API (bcrypt) instead, behind the same interface.
# - libxlsxwriter has no mingw build in Debian: left out (IKU_NO_XLSX); --format xlsx says so.
set(IKU_HOST_HEADERS ${CMAKE_BINARY_DIR}/host-headers)
file(MAKE_DIRECTORY ${IKU_HOST_HEADERS})
foreach(dir tao boost CLI nlohmann fmt)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/install_deps.sh build")
  endif()
  if(NOT EXISTS ${IKU_HOST_HEADERS}/${dir})
    file(CREATE_LINK /usr/include/${dir} ${IKU_HOST_HEADERS}/${dir} SYMBOLIC)
  endif()
endforeach()

function(iku_header_target name)
  add_library(${name} INTERFACE IMPORTED)
  set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${IKU_HOST_HEADERS})
endfunction()
iku_header_target(taocpp::pegtl)
iku_header_target(Boost::headers)
iku_header_target(CLI11::CLI11)
iku_header_target(nlohmann_json::nlohmann_json)
iku_header_target(fmt::fmt)
set_target_properties(fmt::fmt PROPERTIES INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY)

add_library(PkgConfig::NETTLE INTERFACE IMPORTED)
set_target_properties(PkgConfig::NETTLE PROPERTIES INTERFACE_LINK_LIBRARIES bcrypt)
add_library(PkgConfig::XLSXWRITER INTERFACE IMPORTED)
set_target_properties(PkgConfig::XLSXWRITER PROPERTIES INTERFACE_COMPILE_DEFINITIONS IKU_NO_XLSX)
