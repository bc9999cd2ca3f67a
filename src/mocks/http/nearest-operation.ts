import type { RouteTable } from "../../contracts/http/route.js";
import { nearestName } from "./nearest-name.js";

/**
 * For a path no operation serves: the operation of `routes` whose path (as the table writes it, `{id}`
 * and all) is the fewest edits away; the first in table order on a tie. Undefined for an empty table.
 */
export function nearestOperation(routes: RouteTable, path: string): string | undefined {
  const ids = Object.keys(routes);
  const paths = ids.map((id) => routes[id]?.path ?? "");
  const nearest = nearestName(path, paths);
  return nearest === undefined ? undefined : ids[paths.indexOf(nearest)];
}
