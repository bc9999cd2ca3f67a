import { withTenantFaker } from "../kernel/faker.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Catalogue, CatalogueNm, Subject } from "./model.js";

/** Real Wildberries subjects (ids and names as the marketplace has them), a seller draws a few. */
const SUBJECTS: readonly Subject[] = [
  { id: 342, name: "Обложки" },
  { id: 765, name: "Пледы" },
  { id: 2560, name: "3D очки" },
  { id: 3038, name: "Противовирусные препараты" },
  { id: 105, name: "Футболки" },
  { id: 147, name: "Кроссовки" },
  { id: 220, name: "Рюкзаки" },
  { id: 386, name: "Постельное белье" },
  { id: 469, name: "Светильники" },
  { id: 512, name: "Кружки" },
  { id: 673, name: "Чехлы для телефонов" },
  { id: 918, name: "Наушники" },
];

/**
 * A seller's seeded catalogue: 3-5 subjects, each with 4-12 nms (product cards) with Russian titles.
 * The same tenant and seed always give the same catalogue.
 */
export function generateCatalogue(tenant: Tenant): Catalogue {
  const pool = [...SUBJECTS];
  const subjects: Subject[] = [];
  const count = tenant.rng.int(3, 5);
  for (let i = 0; i < count; i++) {
    const [subject] = pool.splice(tenant.rng.int(0, pool.length - 1), 1);
    if (subject !== undefined) subjects.push(subject);
  }
  subjects.sort((a, b) => a.id - b.id);
  const nms: CatalogueNm[] = [];
  let nm = tenant.rng.int(100_000_000, 199_000_000);
  for (const subject of subjects) {
    const size = tenant.rng.int(4, 12);
    for (let i = 0; i < size; i++) {
      nm += tenant.rng.int(1, 50_000);
      const adjective = withTenantFaker(tenant, (f) => f.commerce.productAdjective());
      nms.push({ nm, title: `${subject.name} ${adjective.toLowerCase()}`, subjectId: subject.id });
    }
  }
  return { subjects, nms };
}

/** GET /adv/v1/supplier/subjects: each subject with how many of the seller's nms it has. */
export function subjectsWithCounts(catalogue: Catalogue): { id: number; name: string; count: number }[] {
  return catalogue.subjects.map((s) => ({ id: s.id, name: s.name, count: catalogue.nms.filter((n) => n.subjectId === s.id).length }));
}

/** POST /adv/v2/supplier/nms: the nms of the given subjects (no subjects given: every nm); unknown ids add nothing. */
export function nmsOfSubjects(catalogue: Catalogue, subjectIds: readonly number[]): CatalogueNm[] {
  const wanted = new Set(subjectIds);
  return catalogue.nms.filter((n) => wanted.size === 0 || wanted.has(n.subjectId)).map((n) => ({ title: n.title, nm: n.nm, subjectId: n.subjectId }));
}
