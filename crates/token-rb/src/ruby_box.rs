//! [`RubyBox`]: a box whose memory comes from Ruby's allocator, so that Ruby's
//! garbage collector counts it.
//!
//! Ruby starts a collection when its heap runs out of object slots or when
//! the memory allocated through `ruby_xmalloc` since the last collection
//! passes a limit. Memory a Rust `Box` takes from the system allocator
//! triggers neither. A wrapped object that keeps a few hundred bytes in a
//! `Box` therefore lets garbage pile up unseen: in a process whose heap has
//! many free slots, a loop of a million decodes grew the resident set by
//! 90 MiB before the first collection. Objects made once per call (decoded
//! tokens, scan findings) keep their data in a `RubyBox` instead, and those
//! bytes count towards the next collection like a String's.
//!
//! (rb-sys's tracking allocator, which reports every Rust allocation with
//! `rb_gc_adjust_memory_usage`, would not do: Ruby 3.1 adds such reports to
//! its statistics but starts no collection for them.)

use std::fmt;
use std::mem::{align_of, size_of};
use std::ops::Deref;
use std::ptr::NonNull;

/// The alignment `ruby_xmalloc` guarantees (that of C's `malloc`).
const RUBY_MALLOC_ALIGN: usize = 16;

/// An owned `T` in memory from `ruby_xmalloc`, freed with `ruby_xfree`.
///
/// Create and drop it only on a Ruby thread that holds the GVL: the
/// extension's methods and the GC's free functions both do.
pub struct RubyBox<T> {
    ptr: NonNull<T>,
}

impl<T> RubyBox<T> {
    /// Moves `value` into memory from Ruby's allocator.
    ///
    /// Like every Ruby allocation, this may run the GC or raise
    /// `NoMemoryError`.
    pub fn new(value: T) -> RubyBox<T> {
        const {
            assert!(align_of::<T>() <= RUBY_MALLOC_ALIGN);
            assert!(size_of::<T>() > 0);
        }
        // SAFETY: the size is non-zero and the alignment within malloc's
        // (checked above). `ruby_xmalloc` never returns NULL: it raises
        // NoMemoryError instead.
        let raw = unsafe { rb_sys::ruby_xmalloc(size_of::<T>() as _) }.cast::<T>();
        let ptr = NonNull::new(raw).expect("ruby_xmalloc raises instead of returning NULL");
        // SAFETY: `ptr` is fresh, suitably sized and aligned memory.
        unsafe { ptr.as_ptr().write(value) };
        RubyBox { ptr }
    }

    /// The bytes this box takes from Ruby's allocator.
    pub fn heap_size(&self) -> usize {
        size_of::<T>()
    }
}

impl<T> Deref for RubyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: `ptr` holds an initialised `T` for as long as `self` lives.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Drop for RubyBox<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` holds an initialised `T` that nothing else owns, and
        // came from `ruby_xmalloc`.
        unsafe {
            self.ptr.as_ptr().drop_in_place();
            rb_sys::ruby_xfree(self.ptr.as_ptr().cast());
        }
    }
}

// SAFETY: a `RubyBox<T>` owns its `T` like a `Box<T>` does; only the
// allocator differs, and Ruby's may be called from any Ruby thread.
unsafe impl<T: Send> Send for RubyBox<T> {}
// SAFETY: shared access only reads the `T`, as with `Box<T>`.
unsafe impl<T: Sync> Sync for RubyBox<T> {}

impl<T: PartialEq> PartialEq for RubyBox<T> {
    fn eq(&self, other: &RubyBox<T>) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for RubyBox<T> {}

impl<T> fmt::Debug for RubyBox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The contents may be secret (a token's random bytes).
        f.write_str("RubyBox(..)")
    }
}
