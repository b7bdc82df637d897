#pragma once
/// @file version.hpp
/// The library version, written once here and read by CMake.

#define OCOP_VERSION_MAJOR 0
#define OCOP_VERSION_MINOR 1
#define OCOP_VERSION_PATCH 0
#define OCOP_VERSION_STRING "0.1.0"
