import { describe, expect, it } from "vitest";
import { nameForm, nameKey } from "./names.js";

const key = (n: string) => nameKey(nameForm(n));

describe("name keys across scripts and transliterations", () => {
  it("gives Mohammad, Muhammad, Mohammed and محمد one key", () => {
    const k = key("Mohammad");
    expect(k).toBe("mhmd");
    for (const v of ["Muhammad", "Mohammed", "Mohamad", "محمد", "مُحَمَّد"]) expect(key(v), v).toBe(k);
  });
  it("folds Arabic yeh and kaf into Persian ones, and ZWNJ", () => {
    expect(key("رضايي")).toBe(key("رضایی"));
    expect(key("كاظمي")).toBe(key("کاظمی"));
    expect(key("حسین‌زاده")).toBe(key("حسینزاده"));
  });
  it("reads kh/x, gh/q, ou/u, ee/i as one", () => {
    expect(key("Khalil")).toBe(key("Xalil"));
    expect(key("Ghasemi")).toBe(key("Qasemi"));
    expect(key("Youssef")).toBe(key("Yusuf"));
    expect(key("Rezaee")).toBe(key("Rezaei"));
    expect(key("Fatemeh Ghasemi")).toBe(key("فاطمه قاسمی"));
  });
  it("is the same in either order", () => {
    expect(key("Rezaei Mohammad")).toBe(key("Mohammad Rezaei"));
    expect(key("رضایی محمد")).toBe(key("Mohammad Rezaei"));
  });
  it("keeps a name that starts with a vowel apart from one that does not", () => {
    expect(key("Ahmad")).not.toBe(key("Hamid"));
    expect(key("احمد")).toBe(key("Ahmad"));
    expect(key("حمید")).toBe(key("Hamid"));
  });
  it("joins Abd al- and drops honorifics", () => {
    expect(key("Abd al-Rahman Khalil")).toBe(key("عبدالرحمن خلیل"));
    expect(key("Seyed Abdolrahman Xalil")).toBe(key("Abd al-Rahman Khalil"));
  });
  it("tells the script", () => {
    expect(nameForm("Ali Rezaei").script).toBe("latin");
    expect(nameForm("علی رضایی").script).toBe("arabic");
  });
});
