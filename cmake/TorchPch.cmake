# LibTorch's headers cost ~10 s and ~1 GB of compiler memory per translation unit that includes them, and 60-odd of
# ours do: most of a build's time. They are compiled once into a precompiled header that the targets of the layers
# that use LibTorch (model/, app/, tests/) reuse. ui/ never sees LibTorch and gets none. GCC uses a precompiled header
# only when the flags match (-Winvalid-pch says when not), so every target is position independent alike (-fPIC).
function(factorvae_torch_pch_setup)
  add_library(factorvae_torch_pch OBJECT ${CMAKE_SOURCE_DIR}/cmake/torch_pch.cpp)
  target_link_libraries(factorvae_torch_pch PRIVATE ${TORCH_LIBRARIES})
  target_precompile_headers(factorvae_torch_pch PRIVATE <torch/torch.h>)
endfunction()

# Every compiled target in the folders of the layers that use LibTorch (model/, app/, tests/, however deep and from
# wherever they were added) reuses the precompiled LibTorch header; ui/ and fuzz/ are left alone.
function(factorvae_use_torch_pch dir)
  file(RELATIVE_PATH relative ${CMAKE_SOURCE_DIR} ${dir})
  if(relative MATCHES "^(model|app|tests)(/|$)")
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      get_target_property(libraries ${target} LINK_LIBRARIES)  # those without LibTorch (protobuf's) lack its headers
      get_target_property(no_torch ${target} FACTORVAE_NO_TORCH)  # set on targets that must not see LibTorch
      if(type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$"
         AND "${libraries}" MATCHES "torch|factorvae_" AND NOT no_torch)
        target_precompile_headers(${target} REUSE_FROM factorvae_torch_pch)
      endif()
    endforeach()
  endif()
  get_property(subdirectories DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    factorvae_use_torch_pch(${subdirectory})
  endforeach()
endfunction()
