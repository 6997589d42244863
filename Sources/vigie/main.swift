import VigieCLI

await Vigie.runMain()
