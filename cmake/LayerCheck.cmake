# The layers' include rules (cmake/layers.txt), checked on every build: tools/layer_check reads every include of
# model/, app/ and ui/ in any spelling and follows project headers to the outside libraries they bring in. A
# violation fails the check, and every target of those folders waits for it, so the build stops with the file, the
# line and the rule. The linker enforces the rest: each library links only the libraries below it.
include(${CMAKE_CURRENT_LIST_DIR}/CompiledTargets.cmake)

function(factorvae_layer_check_setup)
  add_executable(factorvae-layer-check ${CMAKE_SOURCE_DIR}/tools/layer_check/main.cpp
                                       ${CMAKE_SOURCE_DIR}/tools/layer_check/layer_check.cpp)
  add_library(factorvae_layer_check_lib STATIC ${CMAKE_SOURCE_DIR}/tools/layer_check/layer_check.cpp)
  target_include_directories(factorvae_layer_check_lib PUBLIC ${CMAKE_SOURCE_DIR}/tools/layer_check)
  file(GLOB_RECURSE layered_sources CONFIGURE_DEPENDS
       ${CMAKE_SOURCE_DIR}/model/*.h ${CMAKE_SOURCE_DIR}/model/*.cpp ${CMAKE_SOURCE_DIR}/app/*.h
       ${CMAKE_SOURCE_DIR}/app/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.h ${CMAKE_SOURCE_DIR}/ui/*.cpp)
  set(stamp ${CMAKE_BINARY_DIR}/layer_check.stamp)
  add_custom_command(OUTPUT ${stamp}
    COMMAND factorvae-layer-check ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/cmake/layers.txt ${stamp}
    DEPENDS factorvae-layer-check ${CMAKE_SOURCE_DIR}/cmake/layers.txt ${layered_sources}
    COMMENT "Checking the layers' includes (cmake/layers.txt)" VERBATIM)
  add_custom_target(layer_check ALL DEPENDS ${stamp})
endfunction()

# Every compiled target of model/, app/ and ui/ waits for the check.
function(factorvae_layer_check_before dir)
  factorvae_compiled_targets(${dir} "^(model|app|ui)(/|$)" targets)
  foreach(target IN LISTS targets)
    add_dependencies(${target} layer_check)
  endforeach()
endfunction()
