# `cpack -G DEB` (in the build folder) builds factorvae-studio_VERSION_ARCH.deb from what `cmake --install` installs:
# both programs, the demo model, the .desktop entry, the icon, the AppStream metainfo, the MIME type of checkpoints
# and the man pages. The translations are inside the programs (:/i18n). Its dependencies are computed from the
# libraries the programs link (dpkg-shlibdeps), so the package installs on Debian 12 with Debian's LibTorch.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME factorvae-studio)
set(CPACK_PACKAGE_VENDOR "FactorVAE Studio")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Train a FactorVAE on small images and explore its latent dimensions")
set(CPACK_PACKAGE_DESCRIPTION
    "FactorVAE Studio trains a FactorVAE (Kim & Mnih 2018, Disentangling by Factorising) on small images - "
    "Fashion-MNIST, ChestMNIST, image folders or built-in dSprites-style shapes - and shows what each latent "
    "dimension means: sliders decode in real time, metrics score the disentanglement, and codes export for NumPy "
    "and TensorBoard. It contains the desktop application factorvae-studio and the command-line program factorvae.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "FactorVAE Studio developers <factorvae-studio@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, not linked: Qt's German strings, its SVG icon plugin and OpenBLAS's pthread variant.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-translations-l10n, qt6-svg-plugins | libqt6svg6, libopenblas0-pthread")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dataset-fashion-mnist, python3-torch")
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)
include(CPack)
