// Programs that read other programs' eligibility are evaluated after them. A cycle has no order and
// is a load error naming the loop.

export interface DependencyNode {
  readonly id: string;
  readonly dependsOn: readonly number[];
}

/** Indexes in evaluation order (stable: file order among programs free to go), or the cycles found. */
export function dependencyOrder(nodes: readonly DependencyNode[]): { order: number[] } | { cycle: string[] } {
  const state = new Uint8Array(nodes.length); // 0 unvisited, 1 on the current path, 2 done
  const order: number[] = [];
  const path: number[] = [];
  const visit = (i: number): string[] | undefined => {
    if (state[i] === 2) return undefined;
    if (state[i] === 1) return [...path.slice(path.indexOf(i)), i].map((j) => nodes[j]!.id);
    state[i] = 1;
    path.push(i);
    for (const dep of nodes[i]!.dependsOn) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state[i] = 2;
    order.push(i);
    return undefined;
  };
  for (let i = 0; i < nodes.length; i++) {
    const cycle = visit(i);
    if (cycle) return { cycle };
  }
  return { order };
}
