import { createHash } from 'node:crypto'
import { readFileSync, type BigIntStats } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { decodeUtf8, type SourceStamps } from '../parse/read.ts'
import { SourcesChanged } from '../shared/sources-changed.ts'
import { digest, isTextRecord, readEntry, writeEntry, type ContentCache } from './store.ts'

/** Entries of source stamps: one per list of framework folders a command was given. */
const SOURCE_STAMPS = 'source-stamps'

/**
 * A change within this long before a file was looked at may not have moved its times yet (file
 * systems with coarse times, an edit in the same clock tick), so such a file's stamp is not kept
 * and it is read again next time, as git does for its index.
 */
export const SETTLE_MS = 2000

/** The digest of a file's text: what keys every stored result (check.ts: frameworkKey). */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Source stamps kept in the content cache: each file's stamp (read.ts: stampOf) and the digest of
 * the text it was read with, by real path. A stamp only spares reading a file on this machine:
 * the entry is signed like every other (store.ts) and keyed by the machine's name, and stored
 * results are keyed by content digests, never by stamps, so a stamp that lies can at worst make a
 * file be read. A file known by its stamp is read only if its text is asked for, and refused then
 * if it no longer holds that text (SourcesChanged: the run reads every file again).
 */
export class StampStore implements SourceStamps {
  private readonly entryKey: string
  private readonly before: Record<string, string>
  private readonly after: Record<string, string> = {}
  /** How many files this run knew by their stamps without reading them. */
  answered = 0

  constructor(
    private readonly cache: ContentCache,
    dirs: readonly string[],
    private readonly settleMs = SETTLE_MS,
  ) {
    this.entryKey = digest(SOURCE_STAMPS, hostname(), ...dirs.map((dir) => path.resolve(dir)))
    this.before = readEntry(cache, SOURCE_STAMPS, this.entryKey, isTextRecord) ?? {}
  }

  known(real: string, stamp: string): string | undefined {
    const kept = this.before[real]
    const space = kept?.indexOf(' ') ?? -1
    if (kept === undefined || kept.slice(0, space) !== stamp) return undefined
    this.after[real] = kept
    this.answered++
    return kept.slice(space + 1)
  }

  read(real: string, stamp: string, text: string, stats: BigIntStats, readAt: bigint): string {
    const found = textDigest(text)
    const settled = readAt - BigInt(this.settleMs) * 1_000_000n
    if (stats.mtimeNs < settled && stats.ctimeNs < settled) this.after[real] = `${stamp} ${found}`
    return found
  }

  late(real: string, shown: string, expected: string): string {
    let text: string
    try {
      text = decodeUtf8(readFileSync(real))
    } catch {
      throw new SourcesChanged(shown)
    }
    if (textDigest(text) !== expected) throw new SourcesChanged(shown)
    return text
  }

  /** Keeps the stamps of the files seen in this run, when they differ from those kept before. */
  save(): void {
    const names = Object.keys(this.after)
    if (names.length === Object.keys(this.before).length && names.every((name) => this.before[name] === this.after[name])) return
    writeEntry(this.cache, SOURCE_STAMPS, this.entryKey, this.after)
  }
}
