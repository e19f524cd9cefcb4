// Entry point: mounts the application shell.
import "./app.css";
import "./styles/shell.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { installCloseHook } from "./lib/window";

// Launch timeline marks are read by tests/e2e/src/bin/measure.rs.
performance.mark("boardwright:script");

installCloseHook();

const root = document.getElementById("app");
if (root) {
  mount(App, { target: root });
  performance.mark("boardwright:mounted");
}
