//! The generator never repeats across threads, and a forked child never
//! replays its parent's stream.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::fd::FromRawFd;

#[test]
fn threads_never_repeat() {
    let handles: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(|| {
                (0..20_000)
                    .map(|_| token_rng::random_bytes::<16>().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut seen = HashSet::new();
    for handle in handles {
        for bytes in handle.join().unwrap() {
            assert!(seen.insert(bytes), "random bytes repeated across threads");
        }
    }
}

#[test]
fn reseeds_after_the_volume_limit() {
    let chunk = vec![0u8; 64 * 1024];
    let mut out = chunk.clone();
    for _ in 0..(token_rng::RESEED_AFTER_BYTES / chunk.len() as u64 + 2) {
        token_rng::fill(&mut out).unwrap();
    }
    assert_ne!(out, chunk);
}

/// Draws in the parent, forks children that each draw, and checks that no child
/// repeats the parent's next bytes or another child's.
#[test]
fn forked_children_never_replay_the_parent_stream() {
    token_rng::install();
    let _warm = token_rng::random_bytes::<16>().unwrap();
    let epoch = token_rng::fork_epoch();
    let mut from_children = Vec::new();
    for _ in 0..4 {
        let mut fds = [0i32; 2];
        // SAFETY: `fds` is a valid two-element array for pipe(2).
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: the child only draws random bytes, writes them and exits.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0);
        if pid == 0 {
            let mut bytes = Vec::new();
            for _ in 0..8 {
                bytes.extend_from_slice(&token_rng::random_bytes::<16>().unwrap());
            }
            let ok = token_rng::fork_epoch() == epoch + 1;
            bytes.push(u8::from(ok));
            // SAFETY: fds[1] is the pipe's write end, owned by this process.
            let mut writer = unsafe { std::fs::File::from_raw_fd(fds[1]) };
            let _ = writer.write_all(&bytes);
            drop(writer);
            // SAFETY: leave the child without running the test harness again.
            unsafe { libc::_exit(0) };
        }
        // SAFETY: closing the parent's copy of the write end.
        unsafe { libc::close(fds[1]) };
        // SAFETY: fds[0] is the pipe's read end, owned by the parent.
        let mut reader = unsafe { std::fs::File::from_raw_fd(fds[0]) };
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).unwrap();
        let mut status = 0;
        // SAFETY: waiting for the child just forked.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert_eq!(bytes.len(), 8 * 16 + 1);
        assert_eq!(bytes[128], 1, "the child saw no new fork epoch");
        from_children.extend(bytes[..128].chunks(16).map(<[u8]>::to_vec));
    }
    let from_parent: Vec<Vec<u8>> = (0..8)
        .map(|_| token_rng::random_bytes::<16>().unwrap().to_vec())
        .collect();
    let mut seen = HashSet::new();
    for bytes in from_children.iter().chain(&from_parent) {
        assert!(
            seen.insert(bytes.clone()),
            "a child replayed another stream"
        );
    }
}
