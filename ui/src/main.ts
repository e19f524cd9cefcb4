// Entry point: mounts the application shell.
import "./app.css";
import "./styles/shell.css";
import { mount } from "svelte";
import App from "./App.svelte";

const root = document.getElementById("app");
if (root) mount(App, { target: root });
