/** The SHA-256 of some bytes (32 bytes), from @noble/hashes 2.4.0. */
export declare function sha256(bytes: Uint8Array): Uint8Array;
