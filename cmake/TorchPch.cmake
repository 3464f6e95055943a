# LibTorch's headers cost ~10 s and ~1 GB of compiler memory per translation unit that includes them, and 60-odd of
# ours do: most of a build's time. They are compiled once into a precompiled header that the targets of the layers
# that use LibTorch (model/, app/, tests/) reuse. ui/ never sees LibTorch and gets none. GCC uses a precompiled header
# only when the flags match (-Winvalid-pch says when not), so every target is position independent alike (-fPIC).
include(${CMAKE_CURRENT_LIST_DIR}/CompiledTargets.cmake)

function(factorvae_torch_pch_setup)
  add_library(factorvae_torch_pch OBJECT ${CMAKE_SOURCE_DIR}/cmake/torch_pch.cpp)
  target_link_libraries(factorvae_torch_pch PRIVATE ${TORCH_LIBRARIES})
  target_precompile_headers(factorvae_torch_pch PRIVATE <torch/torch.h>)
endfunction()

# Every compiled target in the folders of the layers that use LibTorch (model/, app/, tests/) reuses the precompiled
# LibTorch header; ui/ and fuzz/ are left alone, and so is a target marked FACTORVAE_NO_TORCH or linking nothing of
# ours or LibTorch's (protobuf's messages lack its headers).
function(factorvae_use_torch_pch dir)
  factorvae_compiled_targets(${dir} "^(model|app|tests)(/|$)" targets)
  foreach(target IN LISTS targets)
    get_target_property(libraries ${target} LINK_LIBRARIES)
    get_target_property(no_torch ${target} FACTORVAE_NO_TORCH)
    if("${libraries}" MATCHES "torch|factorvae_" AND NOT no_torch)
      target_precompile_headers(${target} REUSE_FROM factorvae_torch_pch)
    endif()
  endforeach()
endfunction()
