global using Microsoft.Playwright;
global using SocialDesk.Tests.Infrastructure;
global using static Microsoft.Playwright.Assertions;

// One browser and one server at a time: the machine's cores are few, and timings stay honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
