// Types for Vite's import suffixes (`?worker&url`) used to bundle the recorder worklet as its own file.
/// <reference types="vite/client" />
