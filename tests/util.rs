//! Helpers shared by the integration tests: a throw-away folder and the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled register users open first.
pub(crate) fn bundled_register() -> PathBuf {
    root().join("registers").join("leds-hob-open-space.ron")
}

/// A fixture file under `tests/fixtures/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// What a run of the binary printed and how it exited.
#[derive(Debug)]
pub(crate) struct Output {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) code: i32,
}

/// Runs `dpia-register args…` in `dir`.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Output {
    run_with_env(dir, args, &[])
}

/// Runs `dpia-register args…` in `dir` with extra environment variables, such as `TZ`.
pub(crate) fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .envs(env.iter().copied())
        .output()
        .expect("the binary runs");
    Output {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

/// Asserts two texts are equal, printing both in full when they are not.
#[track_caller]
pub(crate) fn assert_text(actual: &str, expected: &str) {
    assert!(
        actual == expected,
        "text differs\n--- expected\n{expected}\n--- actual\n{actual}\n---"
    );
}
