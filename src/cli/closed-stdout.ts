// A reader that stops early (`| head`) closes the pipe: that ends a command quietly, not with a
// stack trace, and with the status the command has set (a replay that differs still exits 1); any
// other failure to write says so and exits 1.
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") console.error(`writing the output: ${error.message}`);
    process.exit(error.code === "EPIPE" ? (process.exitCode ?? 0) : 1);
  });
}
