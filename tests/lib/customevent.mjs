// customevent.mjs - a global CustomEvent for Node 18 (imported for its effect).
//
//     import "./customevent.mjs";
//
// Node has a global CustomEvent only from 19 on (18 has it behind
// --experimental-global-customevent). When the global is missing, this
// defines it as the DOM/WHATWG one is: an Event subclass whose read-only
// `detail` is the init dictionary's detail (null when absent), the type
// required. Where Node has its own, it is left alone. It must not change
// anything else. tests/integration/harness_pglite_test.sh checks it against
// the specification on whichever Node runs the suite, with Node's own
// CustomEvent deleted first.
if (typeof globalThis.CustomEvent !== "function") {
    class CustomEvent extends Event {
        #detail;
        constructor(type, eventInitDict = undefined) {
            if (arguments.length === 0) {
                throw new TypeError('The "type" argument must be specified');
            }
            super(type, eventInitDict);
            this.#detail = eventInitDict?.detail ?? null;
        }
        get detail() {
            return this.#detail;
        }
        get [Symbol.toStringTag]() {
            return "CustomEvent";
        }
    }
    Object.defineProperty(globalThis, "CustomEvent", {
        value: CustomEvent,
        writable: true,
        enumerable: false,
        configurable: true,
    });
}
