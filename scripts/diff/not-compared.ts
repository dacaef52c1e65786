/**
 * Fields of schema/framework.schema.json that no change kind watches, each with why. The coverage
 * test (test/diff/coverage.test.ts) fails on a schema field that is neither here nor in some
 * kind's `covers`, so a field added to the model is never left unwatched by accident.
 */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  $comment: 'the generated file’s banner, not content',
  formatVersion: 'the version of the model’s shape; both sides are read into the same shape before they are compared',
  'contacts[].phones[].e164': 'the international form of a number, made from it: a change shows as a phone number change',
  'levels[].links[]': 'the links used in the level’s text, read from it: a change shows as a change of that text',
  'matrix.columns[]': 'the matrix’s columns are levels: a column added or removed shows as its cells, new or gone',
  'matrix.factors[]': 'a factor added or removed shows as its cells; the order of the rows does not change what a cell says',
  'matrix.factors[].id': 'a factor is matched by id, then by title: a new id with the same title is the same row',
}
