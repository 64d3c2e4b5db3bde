// Preloaded into a benchmarked command (node --import): reports its peak memory and CPU time on stderr as it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nBENCH ${JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime })}\n`,
  );
});
