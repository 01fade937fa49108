# Sourced by the scripts that compare Sovereign with llama.cpp's own tools (llama_compare.sh,
# ttft.sh). llama-cpp-sys-2 vendors a llama.cpp trimmed of its tools, so they are built from the
# llama.cpp tree vendored in llama-cpp-python's sdist, in $WORK (never in the repository; kept
# between runs). ggml is configured the way llama-cpp-sys-2 builds it for a plain `cargo build`:
# GGML_NATIVE=OFF (ggml's x86-64 defaults: SSE4.2, AVX, AVX2, FMA, F16C, BMI2; no AVX-512, no AMX,
# whose kernels crash here), no OpenMP, RelWithDebInfo (what the sys crate picks whenever the Cargo
# profile has debug info, as both of this workspace's profiles do). The two llama.cpp trees are
# different versions: llama_versions prints both.
#
# Needs: WORK (build directory). Defines: llama_tool TARGET, llama_versions.

# Prints the path of llama.cpp tool TARGET (llama-bench, llama-server), building it if missing.
llama_tool() {
    : "${WORK:?llama_tools.sh needs WORK}"
    bin=$WORK/build/bin/$1
    if [ ! -x "$bin" ]; then
        mkdir -p "$WORK"
        if [ -z "$(ls -d "$WORK"/llama_cpp_python-*/ 2>/dev/null)" ]; then
            (cd "$WORK" && python3 -m pip download --quiet --no-deps --no-binary :all: \
                llama-cpp-python -d . && tar xzf llama_cpp_python-*.tar.gz)
        fi
        src=$(ls -d "$WORK"/llama_cpp_python-*/vendor/llama.cpp | head -n 1)
        # One configuration for every tool, so building a second one reuses the first's ggml.
        cmake -S "$src" -B "$WORK/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DBUILD_SHARED_LIBS=OFF \
            -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON \
            -DLLAMA_BUILD_SERVER=ON -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF >"$WORK/cmake.log" 2>&1
        nice cmake --build "$WORK/build" --target "$1" -j "$(nproc)" >"$WORK/build-$1.log" 2>&1
    fi
    echo "$bin"
}

# ggml's version in llama.cpp tree $1.
ggml_version() {
    sed -n 's/^set(GGML_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\))/\2/p' "$1/ggml/CMakeLists.txt" |
        paste -sd. -
}

# Prints which llama.cpp each side runs; $1 names the peer tool.
llama_versions() {
    sys=$(ls -d "$HOME"/.cargo/registry/src/*/llama-cpp-sys-2-* 2>/dev/null | sort -V | tail -n 1)
    py=$(ls -d "$WORK"/llama_cpp_python-*/ | head -n 1)
    echo "ours:    $(basename "$sys") (ggml $(ggml_version "$sys/llama.cpp"))"
    echo "peer:    $(basename "$py") $1 (ggml $(ggml_version "$py/vendor/llama.cpp"))"
}
