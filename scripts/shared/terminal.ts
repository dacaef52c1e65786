/**
 * The one escape for everything Thresholds prints to a terminal or a CI log. Text from sources,
 * paths and arguments can hold characters that drive a terminal (an escape sequence can retitle
 * the window, write to the clipboard with OSC 52, or hide text), move the cursor back over a line
 * (carriage return), or reorder a line as it is read (bidirectional controls). Each becomes a
 * visible stand-in of the same width, so carets under a source line stay in place: a control
 * picture (␛ for ESC, ␡ for DEL) for C0 controls and DEL, “�” for the others.
 */
// C0 controls except tab and line feed, DEL, C1 controls, invisible direction marks, line and
// paragraph separators, bidirectional embeddings, overrides and isolates, lone surrogates, the
// noncharacters of the Basic Multilingual Plane and the invisible tag characters.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u{e0000}-\u{e007f}]/gu
/** The same, and line feeds and tabs too: for text that must stay on one line. */
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u{e0000}-\u{e007f}]/gu

function standIn(character: string): string {
  const code = character.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  if (code === 0x7f) return '\u2421'
  return '\uFFFD'
}

/** Text made safe to print: see above. `oneLine` also replaces line feeds and tabs. */
export function escapeControls(text: string, options: { oneLine?: boolean } = {}): string {
  return text.replace(options.oneLine ? CONTROLS_AND_BREAKS : CONTROLS, standIn)
}

/**
 * JSON text with every such character written as a `\uXXXX` escape: the same data once parsed,
 * but nothing in the printed text can drive a terminal. (JSON.stringify escapes C0 controls and
 * lone surrogates already, not C1 controls or bidirectional ones.)
 */
export function escapeJsonControls(json: string): string {
  // A tag character is two UTF-16 code units, each written as its own escape.
  return json.replace(CONTROLS, (character) =>
    character
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  )
}

/** The colour codes Thresholds itself writes (SGR: ESC [ digits m), the only escape sequences let through. */
const OWN_COLOURS = /\u001b\[[0-9;]*m/y

/**
 * The last guard before stdout and stderr: every formatter escapes the text it quotes, and this
 * escapes anything that slipped past, whatever printed it, keeping only colour codes.
 */
export function safeForTerminal(text: string): string {
  // Copies: a search's position (lastIndex) is this call's own, never left in a shared pattern.
  const controls = new RegExp(CONTROLS)
  const ownColours = new RegExp(OWN_COLOURS)
  let out = ''
  let last = 0
  for (let match = controls.exec(text); match; match = controls.exec(text)) {
    const at = match.index
    if (match[0] === '\u001b') {
      ownColours.lastIndex = at
      const colour = ownColours.exec(text)
      if (colour) {
        controls.lastIndex = at + colour[0].length
        continue
      }
    }
    // Line endings written as CR LF stay as they are.
    if (match[0] === '\r' && text[at + 1] === '\n') continue
    out += text.slice(last, at) + standIn(match[0])
    last = at + match[0].length
  }
  return last === 0 ? text : out + text.slice(last)
}
