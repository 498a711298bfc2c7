"""Passphrase encryption of backup files (``tierslieu-….sqlite.enc``), with PyCA's
``cryptography`` (scrypt, HKDF, AES-256-GCM).

Format, version 1 (all integers big-endian)::

    magic   8  b"TLSAVEC\\0"
    version 1  1
    log2_n  1  scrypt cost (15: n = 2**15), r 1 (8), p 1 (1)
    chunk   1  log2 of the plaintext chunk size (20: 1 MiB)
    kdf_salt 16   random, the scrypt salt
    verifier 16   HMAC-SHA256(master key, "verifier")[:16]: tells a wrong passphrase
                  from a damaged file
    file_salt 16  random per file: HKDF(master key, file_salt) is this file's AES key
    prefix   8    random per file: the nonce of chunk i is prefix || i (4 bytes)
    then the chunks: AES-256-GCM(plaintext chunk), 16-byte tag each; every chunk but the
    last holds exactly one chunk of plaintext. The associated data of each chunk is the
    header followed by one byte, 1 for the last chunk and 0 otherwise: a file cut at a
    chunk boundary, chunks swapped or the header edited all fail authentication.

The master key is scrypt(passphrase, kdf_salt). The application may remember that key
(never the passphrase) so that its unattended backups can be encrypted: see
``BackupKey`` and the README (Sauvegardes chiffrées).
"""

from __future__ import annotations

import base64
import hmac
import os
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tierslieu_desktop.domain.errors import DomainError

MAGIC = b"TLSAVEC\x00"
VERSION = 1
LOG2_N = 15
R = 8
P = 1
CHUNK_LOG2 = 20
TAG = 16
_HEADER = struct.Struct(">8sBBBBB16s16s16s8s")
HEADER_SIZE = _HEADER.size


@dataclass(frozen=True)
class BackupKey:
    """scrypt(passphrase, kdf_salt) with its parameters: enough to encrypt new backups and
    to open those made with the same salt. Holds no passphrase."""

    kdf_salt: bytes
    log2_n: int
    r: int
    p: int
    master: bytes
    verifier: bytes

    def to_setting(self) -> dict[str, object]:
        b64 = base64.b64encode
        return {
            "kdf_salt": b64(self.kdf_salt).decode(),
            "log2_n": self.log2_n,
            "r": self.r,
            "p": self.p,
            "key": b64(self.master).decode(),
            "verifier": b64(self.verifier).decode(),
        }

    @classmethod
    def from_setting(cls, value: object) -> BackupKey | None:
        """The key saved by ``to_setting``, None when absent or unreadable."""
        if not isinstance(value, dict):
            return None
        try:
            key = cls(
                base64.b64decode(value["kdf_salt"]),
                int(value["log2_n"]),
                int(value["r"]),
                int(value["p"]),
                base64.b64decode(value["key"]),
                base64.b64decode(value["verifier"]),
            )
        except (KeyError, ValueError, TypeError):
            return None
        if (
            len(key.master) != 32
            or len(key.kdf_salt) != 16
            or key.verifier != _verifier(key.master)
        ):
            return None
        return key


@dataclass(frozen=True)
class Header:
    version: int
    log2_n: int
    r: int
    p: int
    chunk: int
    kdf_salt: bytes
    verifier: bytes
    file_salt: bytes
    prefix: bytes
    raw: bytes


def _verifier(master: bytes) -> bytes:
    return hmac.new(master, b"tierslieu-backup-verifier", "sha256").digest()[:16]


def _normalise(passphrase: str) -> bytes:
    # The same phrase typed on another keyboard or system gives the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(
    passphrase: str,
    kdf_salt: bytes | None = None,
    *,
    log2_n: int = LOG2_N,
    r: int = R,
    p: int = P,
) -> BackupKey:
    """scrypt(passphrase) with a new random salt (or ``kdf_salt``). About 0.1 s."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = kdf_salt if kdf_salt is not None else os.urandom(16)
    master = Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(_normalise(passphrase))
    return BackupKey(salt, log2_n, r, p, master, _verifier(master))


def _file_key(master: bytes, file_salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=file_salt, info=b"tierslieu-backup-v1"
    ).derive(master)


def read_header(path: Path) -> Header | None:
    """The header of an encrypted backup, None when ``path`` is not one (or unreadable)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(HEADER_SIZE)
    except OSError:
        return None
    header = _parse(raw)
    if header is None:
        return None
    if not (10 <= header.log2_n <= 22 and 1 <= header.r <= 32 and 1 <= header.p <= 16):
        return None
    if not (1 << 12) <= header.chunk <= (1 << 26):
        return None
    return header


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def looks_whole(path: Path) -> bool:
    """The header is readable and the length is one a whole file can have (a cut in the
    middle of a chunk shows here; any other damage shows only when decrypted)."""
    header = read_header(path)
    if header is None:
        return False
    body = path.stat().st_size - HEADER_SIZE
    return body >= TAG and (body % (header.chunk + TAG) == 0 or body % (header.chunk + TAG) >= TAG)


def key_for(path: Path, passphrase: str) -> BackupKey:
    """The key of an encrypted backup from its passphrase. ``backup_wrong_passphrase``
    when the passphrase is not the one it was made with, ``backup_damaged`` when the
    header cannot be read."""
    header = read_header(path)
    if header is None:
        raise DomainError("backup_damaged", file=str(path))
    key = derive_key(passphrase, header.kdf_salt, log2_n=header.log2_n, r=header.r, p=header.p)
    if not hmac.compare_digest(key.verifier, header.verifier):
        raise DomainError("backup_wrong_passphrase", file=str(path))
    return key


def _aad(header: bytes, last: bool) -> bytes:
    return header + (b"\x01" if last else b"\x00")


def _nonce(prefix: bytes, counter: int) -> bytes:
    if counter >= 2**32:
        raise ValueError("file too large for one nonce prefix")
    return prefix + counter.to_bytes(4, "big")


def encrypt_stream(
    src: BinaryIO, dest: BinaryIO, key: BackupKey, *, cancel: Callable[[], bool] | None = None
) -> None:
    """Encrypt everything ``src`` holds into ``dest`` (header first)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    file_salt, prefix = os.urandom(16), os.urandom(8)
    header = _HEADER.pack(
        MAGIC,
        VERSION,
        key.log2_n,
        key.r,
        key.p,
        CHUNK_LOG2,
        key.kdf_salt,
        key.verifier,
        file_salt,
        prefix,
    )
    aes = AESGCM(_file_key(key.master, file_salt))
    dest.write(header)
    size = 1 << CHUNK_LOG2
    counter = 0
    chunk = src.read(size)
    while True:
        following = src.read(size) if len(chunk) == size else b""
        last = not following
        dest.write(aes.encrypt(_nonce(prefix, counter), chunk, _aad(header, last)))
        if last:
            return
        counter += 1
        chunk = following
        if cancel is not None and cancel():
            raise InterruptedError


def decrypt_stream(src: BinaryIO, dest: BinaryIO, key: BackupKey, name: str) -> None:
    """Decrypt an encrypted backup into ``dest``. ``backup_wrong_passphrase`` (nothing
    written) or ``backup_damaged`` (a chunk altered, missing, swapped or cut off: what was
    written to ``dest`` must be thrown away)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = src.read(HEADER_SIZE)
    header = _parse(raw)
    if header is None:
        raise DomainError("backup_damaged", file=name)
    if header.kdf_salt != key.kdf_salt or not hmac.compare_digest(header.verifier, key.verifier):
        raise DomainError("backup_wrong_passphrase", file=name)
    aes = AESGCM(_file_key(key.master, header.file_salt))
    size = header.chunk + TAG
    counter = 0
    chunk = src.read(size)
    while True:
        following = src.read(size) if len(chunk) == size else b""
        last = not following
        try:
            dest.write(aes.decrypt(_nonce(header.prefix, counter), chunk, _aad(raw, last)))
        except (InvalidTag, ValueError):
            raise DomainError("backup_damaged", file=name) from None
        if last:
            return
        counter += 1
        chunk = following


def _parse(raw: bytes) -> Header | None:
    if len(raw) < HEADER_SIZE or not raw.startswith(MAGIC):
        return None
    fields = _HEADER.unpack(raw)
    if fields[1] != VERSION:
        return None
    _m, version, log2_n, r, p, chunk, kdf_salt, verifier, file_salt, prefix = fields
    return Header(version, log2_n, r, p, 1 << chunk, kdf_salt, verifier, file_salt, prefix, raw)
