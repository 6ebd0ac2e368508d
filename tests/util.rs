//! Helpers shared by the integration tests, after ripgrep's `tests/util.rs`: a `Dir` that owns a
//! throw-away folder and builds paths in it, and runs of the real binary that assert their exit code
//! with the whole output in the failure message.

use std::fs;
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

/// A throw-away folder for one test, removed when it is dropped; the binary runs in it.
#[derive(Debug)]
pub(crate) struct Dir {
    temp: tempfile::TempDir,
}

impl Dir {
    /// A new, empty folder.
    pub(crate) fn new() -> Self {
        Self {
            temp: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        self.temp.path()
    }

    /// `name` inside the folder.
    pub(crate) fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.temp.path().join(name)
    }

    /// Writes `contents` to `name` inside the folder (creating its parent folders) and returns its path.
    pub(crate) fn create(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("the parent folder is created");
        }
        fs::write(&path, contents).expect("the file is written");
        path
    }

    /// Copies the fixture `name` into the folder under the same name and returns its path.
    pub(crate) fn fixture(&self, name: &str) -> PathBuf {
        let path = self.join(name);
        fs::copy(fixture(name), &path).expect("the fixture is copied");
        path
    }

    /// Copies the bundled register into the folder as `name` and returns its path.
    pub(crate) fn bundled(&self, name: &str) -> PathBuf {
        let path = self.join(name);
        fs::copy(bundled_register(), &path).expect("the bundled register is copied");
        path
    }

    /// Runs `dpia-register args…` here, whatever its exit code.
    pub(crate) fn run(&self, args: &[&str]) -> Output {
        self.run_with_env(args, &[])
    }

    /// Runs `dpia-register args…` here with extra environment variables, such as `TZ`.
    pub(crate) fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let output = Command::new(env!("CARGO_BIN_EXE_dpia-register"))
            .args(args)
            .current_dir(self.path())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .envs(env.iter().copied())
            .output()
            .expect("the binary runs");
        Output {
            args: args.iter().map(|&arg| arg.to_owned()).collect(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// Runs `dpia-register args…` here and asserts it succeeded (exit 0).
    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> Output {
        self.run(args).assert_code(0)
    }

    /// Runs `dpia-register args…` here and asserts it found problems (exit 1).
    #[track_caller]
    pub(crate) fn problems(&self, args: &[&str]) -> Output {
        self.run(args).assert_code(1)
    }

    /// Runs `dpia-register args…` here and asserts it failed (exit 2).
    #[track_caller]
    pub(crate) fn fails(&self, args: &[&str]) -> Output {
        self.run(args).assert_code(2)
    }
}

/// What a run of the binary printed and how it exited.
#[derive(Debug)]
pub(crate) struct Output {
    /// The arguments it was given.
    pub(crate) args: Vec<String>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) code: i32,
}

impl Output {
    /// Asserts the exit code, showing the command and everything it printed when it differs.
    #[track_caller]
    pub(crate) fn assert_code(self, expected: i32) -> Self {
        assert!(
            self.code == expected,
            "dpia-register {} exited {}, not {expected}\n--- stdout\n{}--- stderr\n{}---",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }
}

/// `check`'s output without its warning lines (high residual risks not yet accepted, prior
/// consultation indicated), which these tests do not look at.
pub(crate) fn without_warnings(stdout: &str) -> String {
    let mut kept = String::new();
    for line in stdout.lines().filter(|line| !line.contains(": warning: ")) {
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// Asserts two texts are equal, printing both in full when they are not.
#[track_caller]
pub(crate) fn assert_text(actual: &str, expected: &str) {
    assert!(
        actual == expected,
        "text differs\n--- expected\n{expected}\n--- actual\n{actual}\n---"
    );
}

/// Makes an ed25519 key pair with `ssh-keygen` in `dir` (`passphrase` empty for none), the public
/// key commented `comment`; returns the private key's path.
pub(crate) fn keygen(dir: &Dir, name: &str, comment: &str, passphrase: &str) -> PathBuf {
    let path = dir.join(name);
    let status = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f"])
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .status()
        .expect("ssh-keygen runs (apt-get install openssh-client)");
    assert!(status.success(), "ssh-keygen made the key");
    path
}

/// An allowed-signers line giving the key at `private` to `principal`.
pub(crate) fn allowed_line(principal: &str, private: &Path) -> String {
    let public = fs::read_to_string(private.with_extension("pub")).unwrap();
    format!("{principal} {}", public.trim())
}
