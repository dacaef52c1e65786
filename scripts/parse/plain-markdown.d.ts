import type { Root } from 'mdast'

/** The tree remark (with remark-frontmatter and remark-gfm) gives for `text` when the text is entirely plain Markdown (plain-markdown.js), else undefined. */
export declare function plainMarkdown(text: string): Root | undefined
