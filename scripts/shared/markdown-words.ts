/**
 * Text as words in Markdown (a table cell, a list item, a heading): a line break (a title written
 * over two lines in YAML) would end the row and spill the rest into the page, so whitespace runs
 * become one space, and every character Markdown gives a meaning is escaped.
 */
export const markdownWords = (text: string) =>
  text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#&!~]/g, (c) => `\\${c}`)
