/** A data directory that cannot be used as it is; the message says what to do (the CLI prints it as is). */
export class DataDirError extends Error {}
