import type { RouteTable } from "../../contracts/http/route.js";
import { ymMethodName } from "../../contracts/yoomoney/routes.js";

/**
 * The method names of a table, grouped as a person writes them: "users/login, categories/get and
 * campaigns/{create,update,...}" (groups in table order, a group of one spelled out).
 */
export function methodList(table: RouteTable): string {
  const groups = new Map<string, string[]>();
  for (const spec of Object.values(table)) {
    const name = ymMethodName(spec.path) ?? spec.path;
    const slash = name.indexOf("/");
    const group = slash === -1 ? "" : name.slice(0, slash);
    const members = groups.get(group) ?? [];
    members.push(slash === -1 ? name : name.slice(slash + 1));
    groups.set(group, members);
  }
  const parts = [...groups].map(([group, members]) => {
    const tail = members.length === 1 ? (members[0] ?? "") : `{${members.join(",")}}`;
    return group === "" ? tail : `${group}/${tail}`;
  });
  const last = parts.pop();
  return parts.length === 0 ? (last ?? "") : `${parts.join(", ")} and ${last ?? ""}`;
}
