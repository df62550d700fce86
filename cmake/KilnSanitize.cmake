# KILN_SANITIZE: AddressSanitizer and UndefinedBehaviorSanitizer on Kiln's own code (`make
# sanitize`, its own build folder). Every target of this tree is Kiln's, so the flags are set for
# the tree here rather than target by target: a sanitized library needs its runtime linked into
# every executable and test that uses it, and one place cannot forget one. LibTorch, OpenCV and Qt
# are Debian's prebuilt libraries and stay as they are.
option(KILN_SANITIZE "Build Kiln with -fsanitize=address,undefined" OFF)
if(KILN_SANITIZE)
  # GCC 12 warns (falsely) on LibTorch's headers under the sanitizers' instrumentation.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -Wno-maybe-uninitialized)
  add_link_options(-fsanitize=address,undefined)
endif()
