# The include rule of the layers, checked on every configure: a folder may include its own headers and those of the
# folders listed for it, nothing above. A violation stops the configuration with the file, the line and the rule.
#
#   model/base         plumbing: numbers in files, atomic writes, threads, platform, configuration structs
#   model/nn           networks, objective, optimiser                          (base)
#   model/data         datasets, the ground-truth interface, the shapes         (base)
#   model/inference    snapshots, encode/decode, grids, reconstruction error    (base nn data)
#   model/training     the training loop                                        (base nn data inference)
#   model/checkpoint   checkpoints on disk, PyTorch export                      (… training)
#   model/analysis     metrics, UDR, latent responses                           (base nn data inference)
#   model/io           dataset readers, NumPy, image files, code export         (base data, nn/activity.h)
#   model/tensorboard  TensorBoard event files                                  (nothing)
#   model/run          one training run: planning, logging, candidates          (every model folder)
#   app/service        the GUI's window onto the core (Qt + model)             (model, app/service)
#   app/cli            the factorvae command                                    (model, app/service, app/cli)
#   ui                 widgets, no LibTorch                                     (ui, app/service, torch-free model headers)
set(factorvae_layer_rules
  "model/base=model/base/"
  "model/nn=model/base/ model/nn/"
  "model/data=model/base/ model/data/"
  "model/inference=model/base/ model/nn/ model/data/ model/inference/"
  "model/training=model/base/ model/nn/ model/data/ model/inference/ model/training/"
  "model/checkpoint=model/base/ model/nn/ model/data/ model/inference/ model/training/ model/checkpoint/"
  "model/analysis=model/base/ model/nn/ model/data/ model/inference/ model/analysis/"
  "model/io=model/base/ model/data/ model/io/ model/nn/activity.h"
  "model/tensorboard=model/tensorboard/"
  "model/run=model/"
  "app/service=model/ app/service/"
  "app/cli=model/ app/service/ app/cli/"
  "ui=ui/ app/service/ model/base/numbers.h model/analysis/response_types.h model/nn/activity.h")

function(factorvae_check_layering)
  foreach(rule IN LISTS factorvae_layer_rules)
    string(REPLACE "=" ";" parts "${rule}")
    list(GET parts 0 folder)
    list(GET parts 1 allowed)
    string(REPLACE " " ";" allowed "${allowed}")
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${folder}/*.h" "${PROJECT_SOURCE_DIR}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
      file(STRINGS "${source}" includes REGEX "^#include \"(model|app|ui)/")
      foreach(line IN LISTS includes)
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" header "${line}")
        set(ok FALSE)
        foreach(prefix IN LISTS allowed)
          string(FIND "${header}" "${prefix}" at)
          if(at EQUAL 0)
            set(ok TRUE)
          endif()
        endforeach()
        if(NOT ok)
          file(RELATIVE_PATH where "${PROJECT_SOURCE_DIR}" "${source}")
          message(FATAL_ERROR "Layering: ${where} includes \"${header}\"; ${folder} may include only ${allowed} "
                              "(cmake/Layering.cmake)")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()
