// Tally's web pages: one small app over the JSON API (/api/v1).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { pagePreloads } from "../api/page-preloads.js";
import { preload, preloadsSettled } from "./api.js";
import { App } from "./App.js";
import "./styles.css";

/** How long the first render waits for the page's first answers before it shows a loading state. */
const FIRST_ANSWERS_MS = 250;

// What the page asks first (the session; the overview's data on the landing page): the browser
// fetched it already, named in the page's Link header, while this script loaded. The first render
// waits a moment for those answers, so the page is drawn once with its data rather than first as
// "loading" and again when they arrive.
const first = pagePreloads(location.pathname, new URLSearchParams(location.search));
for (const path of first) preload(path);

const root = document.getElementById("root");
if (root) {
  const container = root;
  void preloadsSettled(first, FIRST_ANSWERS_MS).then(() => createRoot(container).render(<StrictMode><App /></StrictMode>));
}
