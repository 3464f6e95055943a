// The translation unit that the precompiled LibTorch header (cmake/TorchPch.cmake) is built with.
