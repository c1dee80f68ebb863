// Runs once when a Next.js server process starts: background jobs live in the server by default.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobs } = await import("./server/jobs");
    startJobs();
  }
}
