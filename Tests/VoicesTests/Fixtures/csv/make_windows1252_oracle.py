#!/usr/bin/env python3
"""Writes windows1252-oracle.txt: each byte 0x80-0xFF and the code point Python's 'cp1252'
codec decodes it to, or 'undefined' for the five bytes the code page leaves unassigned.
Run from this folder: python3 make_windows1252_oracle.py"""
lines = []
for b in range(0x80, 0x100):
    try:
        lines.append(f"{b:02X}\t{ord(bytes([b]).decode('cp1252')):04X}")
    except UnicodeDecodeError:
        lines.append(f"{b:02X}\tundefined")
open("windows1252-oracle.txt", "w").write("\n".join(lines) + "\n")
