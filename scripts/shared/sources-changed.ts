/**
 * A file read late (parse/read.ts: SourceStamps.late) no longer holds the text its stamp stood
 * for. Within a check the run starts again, reading every file; after it (a message placed in a
 * file the check answered from the cache), the command stops with this plain message, exit 2.
 */
export class SourcesChanged extends Error {
  constructor(readonly shown: string) {
    super(`“${shown}” changed while Thresholds was reading it, expected it to stay the same during the run: run the command again`)
  }
}
