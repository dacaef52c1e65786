import type { Root } from 'mdast'
import type { Plugin } from 'unified'

/** The tree remark (with remark-frontmatter and remark-gfm) gives for `text` when the text is entirely plain Markdown (plain-markdown.js), else undefined. */
export declare function plainMarkdown(text: string): Root | undefined

/** A unified plugin, used after remark-parse, remark-frontmatter(['yaml']) and remark-gfm: plain texts are read by plainMarkdown, the rest by remark. */
export declare const plainMarkdownFirst: Plugin<[]>
