import type { OpenHandler } from "../http/handler.js";
import { fail } from "./answers.js";
import { consoleFiles, type ConsoleFiles } from "./console-files.js";
import type { ControlBody } from "./control-plug.js";

type ConsoleHandler = OpenHandler<ControlBody>;

/** The web console's calls: the page and its files. */
export interface ConsoleHandlers {
  consolePage: ConsoleHandler;
  consoleAsset: ConsoleHandler;
}

/**
 * `GET /console` and `GET /console/{file}`: the page (console/index.html) and its files (console/*.js,
 * console/*.css, uPlot), sent as they are. No token needed and nothing journaled: the page's own calls
 * send the token the user pastes.
 */
export function consoleHandlers(files: ConsoleFiles = consoleFiles()): ConsoleHandlers {
  return {
    consolePage: async () => ({ status: 200, raw: { contentType: "text/html; charset=utf-8", content: await files.page() } }),
    consoleAsset: async ({ params }) => {
      const name = params.file ?? "";
      const file = await files.file(name);
      if (file === undefined) {
        return fail(404, "not_found", `there is no file "${name}" of the web console: the files are ${(await files.names()).join(", ")}`);
      }
      return { status: 200, raw: file };
    },
  };
}
