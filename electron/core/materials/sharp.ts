/**
 * sharp (libvips), loaded with the first page an image is made of, not with the core: its native
 * library took about 0.1 s of every start (the workstation, the web host, each test's core).
 */
export const loadSharp = async () => (await import('sharp')).default;
