import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, createCatalog, createLanding, HOUR, msAt, NOT_FOUND, OTHER_TOKEN, REQUIRED } from "./helpers.js";

describe("landings", () => {
  it("POST answers 201 with LandingResponse; image is accepted for image_url", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const res = await api(app, "POST", "/landing/", {
      url: "http://example.com",
      adaptability: "All",
      title: "Landing title",
      catalog_id: catalog.id,
      image: "http://example.com/image.jpg",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[A-Z0-9]{6}$/),
      url: "http://example.com",
      modified_at: "2026-01-15T09:00:00",
      adaptability: "All",
      title: "Landing title",
      catalog_id: catalog.id,
      image_url: "http://example.com/image.jpg",
    });
  });

  it("POST requires url and catalog_id and checks them", async () => {
    const { app } = makeSandbox();
    expect((await api(app, "POST", "/landing/", {})).body).toEqual({ url: REQUIRED, catalog_id: REQUIRED });
    const bad = await api(app, "POST", "/landing/", { url: "example", catalog_id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", adaptability: "TV" });
    expect(bad.body).toEqual({
      url: ["Enter a valid URL."],
      catalog_id: ['Invalid pk "497f6eca-6276-4993-bfeb-53cbbbba6f08" - object does not exist.'],
      adaptability: ['"TV" is not a valid choice.'],
    });
  });

  it("GET, PATCH and PUT; modified_at moves", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const landing = await createLanding(app, catalog.id, { title: "A" });
    expect((await api(app, "GET", `/landing/${landing.id}/`)).body).toEqual(landing);
    await advance(app, "PT1H");
    const patched = await api(app, "PATCH", `/landing/${landing.id}/`, { url: "https://shop.example.com/promo" });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...landing, url: "https://shop.example.com/promo", modified_at: msAt(HOUR) });
    expect((await api(app, "PUT", `/landing/${landing.id}/`, { title: "B" })).body).toEqual({ url: REQUIRED, catalog_id: REQUIRED });
  });

  it("DELETE answers 204 with no body; the landing is gone from GET and from its catalog", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const landing = await createLanding(app, catalog.id);
    expect((await api(app, "GET", `/catalog/${catalog.id}/`)).body.landings).toEqual([landing]);
    const res = await api(app, "DELETE", `/landing/${landing.id}/`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await api(app, "GET", `/landing/${landing.id}/`)).body).toEqual(NOT_FOUND);
    expect((await api(app, "GET", `/catalog/${catalog.id}/`)).body.landings).toEqual([]);
    expect((await api(app, "DELETE", `/landing/${landing.id}/`)).status).toBe(404);
  });

  it("another tenant cannot see or delete a landing", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const landing = await createLanding(app, catalog.id);
    expect((await api(app, "DELETE", `/landing/${landing.id}/`, undefined, OTHER_TOKEN)).status).toBe(404);
    expect((await api(app, "GET", `/landing/${landing.id}/`)).status).toBe(200);
  });
});
