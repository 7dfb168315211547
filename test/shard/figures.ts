/** A command's --json output without its timing keys (the only keys a merged or resumed run may change). */
export function withoutTiming(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) =>
    ['elapsedSeconds', 'spinsPerSecond', 'analysisSeconds', 'simulationSeconds', 'date'].includes(key)
      ? undefined
      : value,
  );
}
