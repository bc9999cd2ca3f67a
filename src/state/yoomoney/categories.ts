/**
 * The category reference guide of categories/get. YooMoney never published it; the sandbox serves this
 * fixed list, which holds 39 (the id seed 001's example uses). See docs/fidelity.md.
 */
export const CATEGORIES: ReadonlyArray<{ categoryId: number; name: string }> = [
  { categoryId: 1, name: "Одежда и обувь" },
  { categoryId: 2, name: "Электроника и техника" },
  { categoryId: 3, name: "Продукты и доставка еды" },
  { categoryId: 4, name: "Красота и здоровье" },
  { categoryId: 5, name: "Дом и сад" },
  { categoryId: 6, name: "Путешествия" },
  { categoryId: 7, name: "Развлечения и досуг" },
  { categoryId: 8, name: "Образование" },
  { categoryId: 9, name: "Авто и мото" },
  { categoryId: 10, name: "Спорт и отдых" },
  { categoryId: 11, name: "Финансовые услуги" },
  { categoryId: 12, name: "Связь и интернет" },
  { categoryId: 39, name: "Товары для детей" },
  { categoryId: 40, name: "Книги и канцелярия" },
  { categoryId: 41, name: "Зоотовары" },
];

const KNOWN: ReadonlySet<number> = new Set(CATEGORIES.map((c) => c.categoryId));

export function isKnownCategory(categoryId: number): boolean {
  return KNOWN.has(categoryId);
}
