// Tally's web pages: one small app over the JSON API (/api/v1).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ANSWERS_ELEMENT_ID, pagePreloads } from "../shared/page-preloads.js";
import { adoptAnswers, preload, preloadsSettled } from "./api.js";
import { App } from "./App.js";
import "./styles.css";

/** How long the first render waits for the page's first answers before it shows a loading state. */
const FIRST_ANSWERS_MS = 250;

// What the page asks first (the session; the overview's data on the landing page): the server
// put those answers into the page (its data block), or named them in the page's Link header so
// that the browser fetched them while this script loaded. The first render waits a moment for
// answers still on their way, so the page is drawn once with its data rather than first as
// "loading" and again when they arrive.
const first = pagePreloads(location.pathname, new URLSearchParams(location.search));
adoptAnswers(answersInPage());
for (const path of first) preload(path);

/** The answers in the page's data block (none when there is none, or it cannot be read). */
function answersInPage(): Record<string, unknown> {
  const block = document.getElementById(ANSWERS_ELEMENT_ID);
  if (!block?.textContent) return {};
  // Read once: the answers live on in the page's own state, not in the document.
  block.remove();
  try {
    const parsed: unknown = JSON.parse(block.textContent);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const root = document.getElementById("root");
if (root) {
  const container = root;
  void preloadsSettled(first, FIRST_ANSWERS_MS).then(() => createRoot(container).render(<StrictMode><App /></StrictMode>));
}
