# The numeric core, kiln_numeric: LibTorch, OpenCV and ONNX's protobuf, no Qt. Included by
# engine/CMakeLists.txt (the whole of Kiln) and by engine/numeric/CMakeLists.txt (the core alone,
# e.g. against a CUDA build of PyTorch's LibTorch: tests/gpu/check.sh). The includer has found
# Torch, OpenCV, Protobuf, ONNX and Threads, and included cmake/KilnWarnings.cmake.
set(KILN_NUMERIC_DIR ${CMAKE_CURRENT_LIST_DIR})
add_library(kiln_numeric STATIC
  ${KILN_NUMERIC_DIR}/analysis/confidentlearning.cpp
  ${KILN_NUMERIC_DIR}/analysis/curves.cpp
  ${KILN_NUMERIC_DIR}/train/runcompare.cpp
  ${KILN_NUMERIC_DIR}/analysis/embeddingissues.cpp
  ${KILN_NUMERIC_DIR}/analysis/picturematch.cpp
  ${KILN_NUMERIC_DIR}/analysis/interpretation.cpp
  ${KILN_NUMERIC_DIR}/analysis/predictor.cpp
  ${KILN_NUMERIC_DIR}/analysis/tsne.cpp
  ${KILN_NUMERIC_DIR}/export/bundlefile.cpp
  ${KILN_NUMERIC_DIR}/export/inferencegraph.cpp
  ${KILN_NUMERIC_DIR}/export/onnxexport.cpp
  ${KILN_NUMERIC_DIR}/export/torchscriptexport.cpp
  ${KILN_NUMERIC_DIR}/core/fileutil.cpp
  ${KILN_NUMERIC_DIR}/core/guardedthread.cpp
  ${KILN_NUMERIC_DIR}/data/batchloader.cpp
  ${KILN_NUMERIC_DIR}/data/datasetindex.cpp
  ${KILN_NUMERIC_DIR}/data/imageformat.cpp
  ${KILN_NUMERIC_DIR}/data/imageverifier.cpp
  ${KILN_NUMERIC_DIR}/data/transforms.cpp
  ${KILN_NUMERIC_DIR}/models/efficientnet.cpp
  ${KILN_NUMERIC_DIR}/models/layers.cpp
  ${KILN_NUMERIC_DIR}/models/mobilenet.cpp
  ${KILN_NUMERIC_DIR}/models/models.cpp
  ${KILN_NUMERIC_DIR}/models/picklerewriter.cpp
  ${KILN_NUMERIC_DIR}/models/resnet.cpp
  ${KILN_NUMERIC_DIR}/models/statedict.cpp
  ${KILN_NUMERIC_DIR}/train/learner.cpp
  ${KILN_NUMERIC_DIR}/train/learnerparallel.cpp
  ${KILN_NUMERIC_DIR}/train/lossscaler.cpp
  ${KILN_NUMERIC_DIR}/train/lrfind.cpp
  ${KILN_NUMERIC_DIR}/train/precision.cpp
  ${KILN_NUMERIC_DIR}/train/runcsv.cpp
  ${KILN_NUMERIC_DIR}/train/runfiles.cpp
  ${KILN_NUMERIC_DIR}/train/setup.cpp
  ${KILN_NUMERIC_DIR}/train/cudainfo.cpp
  ${KILN_NUMERIC_DIR}/train/distributed.cpp
  ${KILN_NUMERIC_DIR}/train/trainsettings.cpp
  ${KILN_NUMERIC_DIR}/train/optimizer.cpp
  ${KILN_NUMERIC_DIR}/train/schedule.cpp
)
target_include_directories(kiln_numeric PUBLIC ${KILN_NUMERIC_DIR})
# LibTorch and OpenCV are PRIVATE: their headers reach no target that links the engine, so a header
# that widgets/ or app/ include cannot include them and still compile (DESIGN.md's wall). Engine
# code and the tests of the numeric core that need them name them themselves.
target_link_libraries(kiln_numeric PUBLIC Threads::Threads
  PRIVATE ${TORCH_LIBRARIES} ${OpenCV_LIBS} onnx_proto protobuf::libprotobuf ${CMAKE_DL_LIBS})
# One precompiled LibTorch header for the torch-heavy files (build-notes: halves their compile time).
target_precompile_headers(kiln_numeric PRIVATE ${KILN_NUMERIC_DIR}/pch/torch_pch.h)
set_source_files_properties(${KILN_NUMERIC_DIR}/analysis/curves.cpp ${KILN_NUMERIC_DIR}/train/runcompare.cpp ${KILN_NUMERIC_DIR}/analysis/interpretation.cpp ${KILN_NUMERIC_DIR}/analysis/tsne.cpp ${KILN_NUMERIC_DIR}/core/fileutil.cpp ${KILN_NUMERIC_DIR}/core/guardedthread.cpp ${KILN_NUMERIC_DIR}/data/datasetindex.cpp ${KILN_NUMERIC_DIR}/data/imageformat.cpp ${KILN_NUMERIC_DIR}/data/imageverifier.cpp ${KILN_NUMERIC_DIR}/data/transforms.cpp ${KILN_NUMERIC_DIR}/models/picklerewriter.cpp ${KILN_NUMERIC_DIR}/train/cudainfo.cpp ${KILN_NUMERIC_DIR}/train/precision.cpp ${KILN_NUMERIC_DIR}/train/runcsv.cpp ${KILN_NUMERIC_DIR}/train/schedule.cpp ${KILN_NUMERIC_DIR}/train/trainsettings.cpp PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
# c10d's Gloo process group is declared only with these (Debian's LibTorch is built with them); the
# precompiled header was made without them, so this file goes without it.
set_source_files_properties(${KILN_NUMERIC_DIR}/train/distributed.cpp PROPERTIES
  COMPILE_DEFINITIONS "USE_DISTRIBUTED;USE_C10D_GLOO" SKIP_PRECOMPILE_HEADERS ON)
kiln_set_warnings(kiln_numeric)
