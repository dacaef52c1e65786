/** Flat views of a framework's nested parts, in the model's own order. */
import { flatLevels } from '../model/flat.ts'
import type { Framework, Indicator, Section } from '../model/types.ts'
import { compareStrings } from '../shared/text.ts'
import { referenceKey, type Matching } from './match.ts'

/** A narrative section with the place it belongs to: a top-level page, or a level's extra section. */
export interface PlacedSection {
  section: Section
  /** The level whose file holds it, for a level's extra sections. */
  level?: string
  /** The section it sits under, for sub-sections. */
  parent?: string
}

export function flatSections(framework: Framework): PlacedSection[] {
  const out: PlacedSection[] = []
  const walk = (sections: readonly Section[], level: string | undefined, parent: string | undefined) => {
    for (const section of sections) {
      out.push({ section, ...(level ? { level } : {}), ...(parent ? { parent } : {}) })
      walk(section.children, level, section.id)
    }
  }
  walk(framework.sections, undefined, undefined)
  for (const level of flatLevels(framework)) walk(level.sections, level.id, undefined)
  return out
}

/** A framework with nothing in it, standing in for the missing side when a framework is added or removed. */
export function emptyFramework(id: string): Framework {
  return { formatVersion: 3, id, title: id, partnership: '', version: '0.0', status: 'draft', indicatorLayout: 'by-level', guidance: [], levels: [], domains: [], indicators: [], contacts: [], links: [], sections: [] }
}

/** A domain's list (level and strengths or needs) as a key comparable across the versions (see referenceKey). */
function cellKey(levels: Matching<{ id: string }>, side: 'old' | 'new', cell: { level?: string; polarity?: string }): string {
  return `${cell.level === undefined ? '' : referenceKey(levels, side, cell.level)}\u0000${cell.polarity ?? ''}`
}

/**
 * A domain's lists in the two versions, paired by cellKey: each old list with its new one (or
 * none), in the old order, then each new list no old one paired with, in the new order.
 */
export function pairCells<C extends { level?: string; polarity?: string }>(levels: Matching<{ id: string }>, oldCells: readonly C[], newCells: readonly C[]): Array<{ old?: C; new?: C }> {
  const byKey = new Map(newCells.map((cell) => [cellKey(levels, 'new', cell), cell]))
  const seen = new Set<C>()
  const out: Array<{ old?: C; new?: C }> = []
  for (const cell of oldCells) {
    const other = byKey.get(cellKey(levels, 'old', cell))
    if (other) seen.add(other)
    out.push({ old: cell, ...(other ? { new: other } : {}) })
  }
  for (const cell of newCells) if (!seen.has(cell)) out.push({ new: cell })
  return out
}

/** An indicator's place (domain, level and list: strengths or needs) as a key comparable across the versions (see referenceKey). */
export function indicatorPlace(domains: Matching<{ id: string }>, levels: Matching<{ id: string }>, side: 'old' | 'new', indicator: Indicator): string {
  return `${indicator.domain === undefined ? '' : referenceKey(domains, side, indicator.domain)}\u0000${indicator.level === undefined ? '' : referenceKey(levels, side, indicator.level)}\u0000${indicator.polarity}`
}

/** Two ids in sorted order: the same key for a pair whichever version is old. */
export function pairKey(a: string, b: string): string {
  return compareStrings(a, b) <= 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`
}
