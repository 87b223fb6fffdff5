// Builds the precompiled header that the tests reuse (GTM_TEST_PCH); runs nothing.
int main()
{
    return 0;
}
